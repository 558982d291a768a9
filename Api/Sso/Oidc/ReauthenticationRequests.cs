using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Api.Sso.Login;
using OpenIddict.Abstractions;
using StackExchange.Redis;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Api.Sso.Oidc;

/// <summary>
/// <c>prompt=login</c> and <c>max_age</c> ask for a password (and MFA) step newer than a given
/// time. After the sign-in screen the browser comes back to authorize without <c>prompt</c>, and
/// whoever sits at the browser could edit the URL; so on first sight the earliest acceptable
/// authentication time is recorded in Redis for the request's PKCE challenge (unique per request,
/// and the only one the client's code verifier redeems). Every later visit with that challenge is
/// held to it, whatever its URL says, and a session created by the new sign-in satisfies it.
/// </summary>
public sealed class ReauthenticationRequests(IConnectionMultiplexer redis, TimeProvider clock)
{
    // Long enough for a whole sign-in (a login transaction's lifetime) plus the way back.
    private static readonly TimeSpan Lifetime = LoginTransactionStore.Lifetime + TimeSpan.FromMinutes(5);

    private IDatabase Db => redis.GetDatabase();

    /// <summary>The earliest authentication time this request accepts, or null when any live session will do.</summary>
    public async Task<DateTime?> NotBeforeAsync(OpenIddictRequest request)
    {
        var key = Key(request.ClientId, request.CodeChallenge);
        var asked = Asked(request, clock.GetUtcNow().UtcDateTime);
        if (asked is not null)
        {
            // First sight wins: the way back from the sign-in screen must not move the bar.
            await Db.StringSetAsync(key, asked.Value.Ticks.ToString(CultureInfo.InvariantCulture), Lifetime, When.NotExists);
        }

        var recorded = await Db.StringGetAsync(key);
        return recorded.IsNullOrEmpty ? null : new DateTime(long.Parse(recorded.ToString(), CultureInfo.InvariantCulture), DateTimeKind.Utc);
    }

    private static DateTime? Asked(OpenIddictRequest request, DateTime now)
    {
        if (request.HasPromptValue(PromptValues.Login))
        {
            return now;
        }

        return request.MaxAge is { } maxAge ? now - TimeSpan.FromSeconds(Math.Min(maxAge, (long)TimeSpan.FromDays(365).TotalSeconds)) : null;
    }

    private static string Key(string? clientId, string? codeChallenge) =>
        $"sso:reauth:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{clientId}\n{codeChallenge}")))}";
}
