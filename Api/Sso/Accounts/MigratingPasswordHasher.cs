using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;

namespace Api.Sso.Accounts;

/// <summary>
/// ASP.NET Core Identity's hasher that also accepts the portal's legacy hashes, imported at
/// migration so the same password keeps working. A legacy hash verifies as "rehash needed", so
/// Identity replaces it with the current algorithm on the first successful SSO login.
/// </summary>
public sealed class MigratingPasswordHasher : PasswordHasher<SsoAccount>
{
    public override PasswordVerificationResult VerifyHashedPassword(SsoAccount user, string hashedPassword, string providedPassword) =>
        LegacyPasswordHash.IsLegacy(hashedPassword)
            ? LegacyPasswordHash.Verify(hashedPassword, providedPassword) ? PasswordVerificationResult.SuccessRehashNeeded : PasswordVerificationResult.Failed
            : base.VerifyHashedPassword(user, hashedPassword, providedPassword);
}

/// <summary>
/// The portal's original password format: one round of salted SHA-256, "legacy-sha256$salt$hash".
/// Weak by today's standards, which is why it is upgraded at the first SSO login.
/// </summary>
public static class LegacyPasswordHash
{
    private const string Prefix = "legacy-sha256$";

    public static bool IsLegacy(string? hash) => hash?.StartsWith(Prefix, StringComparison.Ordinal) == true;

    public static string Create(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        return $"{Prefix}{Convert.ToBase64String(salt)}${Convert.ToBase64String(Compute(salt, password))}";
    }

    /// <summary>
    /// Checks a legacy hash. It also spends the work of a current-algorithm check, so that a user
    /// whose hash was never upgraded answers as slowly as anyone else: timing must not tell who
    /// is registered or migrated.
    /// </summary>
    public static bool Verify(string hash, string password)
    {
        Sso.Login.DummyPasswordCheck.Shared.Verify(password);
        var parts = hash.Split('$');
        if (parts.Length != 3 || !IsLegacy(hash))
        {
            return false;
        }

        try
        {
            return CryptographicOperations.FixedTimeEquals(Convert.FromBase64String(parts[2]), Compute(Convert.FromBase64String(parts[1]), password));
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static byte[] Compute(byte[] salt, string password) => SHA256.HashData([.. salt, .. Encoding.UTF8.GetBytes(password)]);
}
