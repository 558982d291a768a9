using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using StackExchange.Redis;

namespace Api.Sso.Login;

public enum LoginStep
{
    Password,
    Activate,
    Enroll,
    Mfa,
}

/// <summary>
/// One sign-in in progress (e-mail → password → activation / enrolment / MFA), in Redis with a
/// TTL and bound to an HttpOnly cookie. It is the only state a half-finished login has: nothing
/// can be called out of order, and an MFA-pending browser has no session the authorize endpoint
/// would accept.
/// </summary>
public sealed record LoginTransaction(string Id, string Email, string ReturnUrl, LoginStep Step)
{
    public string? AccountId { get; init; }

    /// <summary>The secret being enrolled (only while <see cref="Step"/> is Enroll), Base32.</summary>
    public string? PendingTotpSecret { get; init; }

    /// <summary>
    /// The account's Identity security stamp when the password was right. Every later step
    /// requires it unchanged, so a password reset, an authenticator enrolled or reset, or a
    /// disable ends every sign-in in flight, not only the sessions.
    /// </summary>
    public string? SecurityStamp { get; init; }
}

public sealed class LoginTransactionStore(IConnectionMultiplexer redis)
{
    public const string CookieName = "__Host-sso-login";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private IDatabase Db => redis.GetDatabase();

    public async Task<LoginTransaction> StartAsync(string email, string returnUrl)
    {
        var transaction = new LoginTransaction(WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32)), email, returnUrl, LoginStep.Password);
        await SaveAsync(transaction);
        return transaction;
    }

    public async Task<LoginTransaction?> FindAsync(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 100)
        {
            return null;
        }

        var json = await Db.StringGetAsync(Key(id));
        return json.IsNullOrEmpty ? null : JsonSerializer.Deserialize<LoginTransaction>(json.ToString());
    }

    /// <summary>Saves a step change; each step gets the full lifetime to complete.</summary>
    public Task SaveAsync(LoginTransaction transaction) =>
        Db.StringSetAsync(Key(transaction.Id), JsonSerializer.Serialize(transaction), Lifetime, keepTtl: false);

    /// <summary>
    /// Ends the transaction and answers whether this caller ended it: DEL is atomic, so of two
    /// parallel completions of one sign-in only one gets true (and only that one a session).
    /// </summary>
    public Task<bool> ConsumeAsync(string id) => Db.KeyDeleteAsync(Key(id));

    private static string Key(string id) => $"sso:login:{id}";
}
