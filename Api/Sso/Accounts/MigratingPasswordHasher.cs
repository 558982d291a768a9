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
/// The portal's own password hashes. The original format is one round of salted SHA-256,
/// "legacy-sha256$salt$hash": weak by today's standards, so a successful login on the portal's
/// form replaces it with ASP.NET Core Identity's current format (PBKDF2), and migration imports
/// either format into the SSO account.
/// </summary>
public static class LegacyPasswordHash
{
    private const string Prefix = "legacy-sha256$";

    private static readonly PasswordHasher<SsoAccount> Current = new();

    public static bool IsLegacy(string? hash) => hash?.StartsWith(Prefix, StringComparison.Ordinal) == true;

    /// <summary>The original format; kept for seed data and tests of the upgrade.</summary>
    public static string Create(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        return $"{Prefix}{Convert.ToBase64String(salt)}${Convert.ToBase64String(Compute(salt, password))}";
    }

    /// <summary>A hash in the current algorithm, for a new or upgraded portal password.</summary>
    public static string CreateCurrent(string password) => Current.HashPassword(new SsoAccount(), password);

    /// <summary>
    /// Checks a portal password hash of either format. A legacy check also spends the work of a
    /// current-algorithm check, so that a user whose hash was never upgraded answers as slowly as
    /// anyone else: timing must not tell who is registered or migrated.
    /// </summary>
    public static bool Verify(string hash, string password)
    {
        if (!IsLegacy(hash))
        {
            return Current.VerifyHashedPassword(new SsoAccount(), hash, password) != PasswordVerificationResult.Failed;
        }

        Sso.Login.DummyPasswordCheck.Shared.Verify(password);
        var parts = hash.Split('$');
        if (parts.Length != 3)
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
