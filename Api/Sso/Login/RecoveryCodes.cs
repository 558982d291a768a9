using Api.Sso.Accounts;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Api.Sso.Login;

/// <summary>Ten single-use codes for when the authenticator is lost; only their hashes are stored.</summary>
public static class RecoveryCodes
{
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    public static string[] Generate() =>
        [.. Enumerable.Range(0, 10).Select(_ => $"{RandomNumberGenerator.GetString(Alphabet, 5)}-{RandomNumberGenerator.GetString(Alphabet, 5)}")];

    public static string Hash(string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code.Trim().ToLowerInvariant())));

    public static async Task<bool> UseAsync(Infrastructure.AppDbContext db, string accountId, string code, TimeProvider clock)
    {
        var hash = Hash(code);
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Set<RecoveryCode>()
            .Where(c => c.AccountId == accountId && c.CodeHash == hash && c.UsedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.UsedAt, now)) == 1;
    }
}
