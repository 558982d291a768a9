using System.Globalization;
using System.Security.Claims;
using Microsoft.Extensions.Caching.Distributed;

namespace RmmConsole;

/// <summary>
/// SSO sessions the issuer said have ended (back-channel logout), by <c>sid</c>, or for a whole user
/// by <c>sub</c> when the logout token names no session. An entry outlives any console cookie that
/// could still name it. Kept in <see cref="IDistributedCache"/> (in memory here) so that replicas of
/// a real product share it once the cache is Redis.
/// </summary>
public sealed class EndedSessions(IDistributedCache cache, TimeProvider time)
{
    public static readonly TimeSpan Retention = ConsoleSignIn.SessionLifetime + TimeSpan.FromHours(1);

    public async Task EndAsync(string? sessionId, string? subject, CancellationToken cancellationToken)
    {
        var entry = new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = Retention };
        if (!string.IsNullOrEmpty(sessionId))
        {
            await cache.SetStringAsync(SessionKey(sessionId), "ended", entry, cancellationToken);
        }
        else if (!string.IsNullOrEmpty(subject))
        {
            var now = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            await cache.SetStringAsync(SubjectKey(subject), now, entry, cancellationToken);
        }
    }

    /// <summary>True when the principal's session ended, or all of its user's sessions ended after <paramref name="signedInAt"/>.</summary>
    public async Task<bool> HasEndedAsync(ClaimsPrincipal principal, DateTimeOffset? signedInAt, CancellationToken cancellationToken)
    {
        if (principal.FindFirst("sid")?.Value is { } sessionId
            && await cache.GetStringAsync(SessionKey(sessionId), cancellationToken) is not null)
        {
            return true;
        }

        return principal.FindFirst("sub")?.Value is { } subject
            && await cache.GetStringAsync(SubjectKey(subject), cancellationToken) is { } endedAt
            && (signedInAt is null || signedInAt.Value.ToUnixTimeSeconds() <= long.Parse(endedAt, CultureInfo.InvariantCulture));
    }

    private static string SessionKey(string sessionId) => "rmm-console:ended-sid:" + sessionId;

    private static string SubjectKey(string subject) => "rmm-console:ended-sub:" + subject;
}
