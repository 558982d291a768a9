using System.Security.Cryptography;
using System.Text;
using Api.Sso.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Api.Sso.Login;

/// <summary>
/// Ten single-use codes for when the authenticator is lost. Only HMAC-SHA256(key, code) is stored:
/// the codes hold about 50 bits, so a bare SHA-256 of all of them (unsalted, one pass) could be
/// searched offline from a copy of the database; without the key, a copy is useless.
/// </summary>
public sealed class RecoveryCodes(IOptions<RecoveryCodeOptions> options)
{
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    private readonly byte[] key = Encoding.UTF8.GetBytes(options.Value.RecoveryCodeKey ?? "");

    public static string[] Generate() =>
        [.. Enumerable.Range(0, 10).Select(_ => $"{RandomNumberGenerator.GetString(Alphabet, 5)}-{RandomNumberGenerator.GetString(Alphabet, 5)}")];

    /// <summary>Deterministic, so a code is found by an indexed equality lookup (no per-row salt to try).</summary>
    public string Hash(string code) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(code.Trim().ToLowerInvariant())));

    /// <summary>Marks the code used, in one statement: of two parallel uses only one succeeds.</summary>
    public async Task<bool> UseAsync(SsoDbContext db, string accountId, string code, TimeProvider clock)
    {
        var hash = Hash(code);
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Set<RecoveryCode>()
            .Where(c => c.AccountId == accountId && c.CodeHash == hash && c.UsedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.UsedAt, now)) == 1;
    }
}
