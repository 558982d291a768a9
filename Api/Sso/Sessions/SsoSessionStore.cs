using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Api.Sso.Sessions;

/// <summary>
/// SSO sessions in Redis, so every replica sees a logout, a password reset, a disable or an MFA
/// reset at once. Keys: <c>sso:session:{sid}</c> (the session), <c>sso:cookie:{hash}</c> (cookie
/// secret → sid), <c>sso:subject:{subject}</c> (the subject's sids, to revoke them all) and
/// <c>sso:session:{sid}:clients</c> (the products the session signed in to, told when it ends).
/// </summary>
public sealed class SsoSessionStore(
    IConnectionMultiplexer redis,
    IOptions<SsoSessionOptions> options,
    TimeProvider clock,
    IHttpContextAccessor httpContexts,
    ISessionEndListener listener) : IDisposable
{
    public const string CookieName = "__Host-sso";

    // A silent renewal every few minutes per tab would rewrite the session and re-extend two keys
    // each time; once a minute is enough. Only the idle expiry is that much behind (it may come up
    // to a minute early); a revocation deletes the keys and is seen by the very next read.
    private static readonly TimeSpan SlideEvery = TimeSpan.FromMinutes(1);

    // Sessions whose product this replica has already recorded: the set lives as long as the
    // session can, so one SADD per session and product is enough. Bounded; forgetting only costs a write.
    private readonly MemoryCache recordedClients = new(new MemoryCacheOptions { SizeLimit = 100_000 });

    private IDatabase Db => redis.GetDatabase();

    public async Task<(SsoSession Session, string CookieSecret)> CreateAsync(string subject, string[] amr, bool legacy)
    {
        // Sessions are opened by sign-in requests only: the request says which browser and network.
        // Read here rather than passed in, so that every way of signing in records them alike.
        var http = httpContexts.HttpContext;
        var now = clock.GetUtcNow().UtcDateTime;
        var session = new SsoSession(
            NewId(16), subject, amr, legacy, now,
            Device: DeviceDescription.Of(http?.Request.Headers.UserAgent),
            Network: Throttling.CallerNetwork.MaskedOf(http?.Connection.RemoteIpAddress),
            LastSeenAt: now);
        var secret = NewId(32);
        var idle = options.Value.IdleTimeout;
        var transaction = Db.CreateTransaction();
        _ = transaction.StringSetAsync(SessionKey(session.Id), JsonSerializer.Serialize(session), idle);
        // The cookie key only names the session; the session key decides whether it is alive (and is
        // what slides). Kept as long as a session can live, so a session kept alive by refresh grants
        // (no cookie involved) still opens with its cookie after a reload.
        _ = transaction.StringSetAsync(CookieKey(secret), session.Id, options.Value.AbsoluteLifetime);
        _ = transaction.SetAddAsync(SubjectKey(subject), session.Id);
        _ = transaction.KeyExpireAsync(SubjectKey(subject), options.Value.AbsoluteLifetime);
        await transaction.ExecuteAsync();
        return (session, secret);
    }

    /// <summary>Finds the session a cookie names and extends its idle timeout; null when gone or too old.</summary>
    public async Task<SsoSession?> FindByCookieAsync(string? cookieSecret)
    {
        if (string.IsNullOrEmpty(cookieSecret) || cookieSecret.Length > 100)
        {
            return null;
        }

        var sid = await Db.StringGetAsync(CookieKey(cookieSecret));
        if (sid.IsNullOrEmpty)
        {
            return null;
        }

        return await TouchAsync(sid!);
    }

    /// <summary>
    /// The live session with this id, its idle timeout extended (at most once a minute); null when it
    /// has ended or is older than the absolute lifetime. A sign-in by cookie and a refresh grant (the
    /// tokens' <c>sid</c>) both count as the user being active.
    /// </summary>
    public async Task<SsoSession?> TouchAsync(string sid)
    {
        var json = await Db.StringGetAsync(SessionKey(sid));
        if (json.IsNullOrEmpty)
        {
            return null;
        }

        var session = JsonSerializer.Deserialize<SsoSession>(json.ToString())!;
        if (clock.GetUtcNow().UtcDateTime - session.CreatedAt > options.Value.AbsoluteLifetime)
        {
            await RevokeAsync(session.Id);
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (now - (session.LastSeenAt ?? session.CreatedAt) < SlideEvery)
        {
            return session;
        }

        // Seen now: extends the idle timeout. Written only if the session still exists (XX), so a
        // logout or "sign out other sessions" that lands between the read and this write wins.
        var seen = session with { LastSeenAt = now };
        return await Db.StringSetAsync(SessionKey(session.Id), JsonSerializer.Serialize(seen), options.Value.IdleTimeout, When.Exists) ? seen : null;
    }

    /// <summary>The session with this id, or null when it has ended.</summary>
    public async Task<SsoSession?> FindAsync(string sid)
    {
        var json = await Db.StringGetAsync(SessionKey(sid));
        return json.IsNullOrEmpty ? null : JsonSerializer.Deserialize<SsoSession>(json.ToString());
    }

    /// <summary>A subject's live sessions, newest first; ids of ended ones are dropped from its set on the way.</summary>
    public async Task<IReadOnlyList<SsoSession>> ListAsync(string subject)
    {
        var sids = await Db.SetMembersAsync(SubjectKey(subject));
        if (sids.Length == 0)
        {
            return [];
        }

        var values = await Db.StringGetAsync([.. sids.Select(sid => (RedisKey)SessionKey(sid!))]);
        var ended = sids.Where((_, i) => values[i].IsNullOrEmpty).ToArray();
        if (ended.Length > 0)
        {
            await Db.SetRemoveAsync(SubjectKey(subject), ended);
        }

        var oldest = clock.GetUtcNow().UtcDateTime - options.Value.AbsoluteLifetime;
        return [.. values
            .Where(value => !value.IsNullOrEmpty)
            .Select(value => JsonSerializer.Deserialize<SsoSession>(value.ToString())!)
            .Where(session => session.CreatedAt >= oldest)
            .OrderByDescending(session => session.CreatedAt)];
    }

    /// <summary>True while the session exists: every Api request checks its token's sid here.</summary>
    public Task<bool> ExistsAsync(string sid) => Db.KeyExistsAsync(SessionKey(sid));

    /// <summary>
    /// Notes that the session signed in to a product (authorize issued it a code), so that the
    /// product hears when the session ends. Kept as long as the session could live.
    /// </summary>
    public async Task RecordProductAsync(string sid, string clientId)
    {
        var recorded = (sid, clientId);
        if (recordedClients.TryGetValue(recorded, out _))
        {
            return;
        }

        var transaction = Db.CreateTransaction();
        _ = transaction.SetAddAsync(ProductsKey(sid), clientId);
        _ = transaction.KeyExpireAsync(ProductsKey(sid), options.Value.AbsoluteLifetime);
        await transaction.ExecuteAsync();
        recordedClients.Set(recorded, true, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10) });
    }

    public void Dispose() => recordedClients.Dispose();

    public async Task RevokeAsync(string sid, string? cookieSecret = null)
    {
        var json = await Db.StringGetAsync(SessionKey(sid));
        var keys = new List<RedisKey> { SessionKey(sid) };
        if (cookieSecret is not null)
        {
            keys.Add(CookieKey(cookieSecret));
        }

        await Db.KeyDeleteAsync([.. keys]);
        if (!json.IsNullOrEmpty)
        {
            var session = JsonSerializer.Deserialize<SsoSession>(json.ToString())!;
            await Db.SetRemoveAsync(SubjectKey(session.Subject), sid);
            await EndedAsync(session.Subject, [sid]);
        }
    }

    /// <summary>Ends every session of a subject (password reset, disable, delete, MFA reset).</summary>
    public async Task<int> RevokeAllAsync(string subject)
    {
        var sids = await Db.SetMembersAsync(SubjectKey(subject));
        var keys = sids.Select(sid => (RedisKey)SessionKey(sid!)).Append(SubjectKey(subject)).ToArray();
        await Db.KeyDeleteAsync(keys);
        // Cookie keys now point at deleted sessions: they open nothing, and expire with the absolute lifetime.
        await EndedAsync(subject, [.. sids.Select(sid => sid.ToString())]);
        return sids.Length;
    }

    /// <summary>
    /// Ends every session of a subject but one (the browser that changed the password, or that
    /// asked to sign out everywhere else). Returns how many live sessions ended.
    /// </summary>
    public async Task<long> RevokeAllExceptAsync(string subject, string keepSid)
    {
        var others = (await Db.SetMembersAsync(SubjectKey(subject))).Where(sid => sid != keepSid).ToArray();
        if (others.Length == 0)
        {
            return 0;
        }

        var ended = Db.KeyDeleteAsync([.. others.Select(sid => (RedisKey)SessionKey(sid!))]);
        await Task.WhenAll(ended, Db.SetRemoveAsync(SubjectKey(subject), others));
        await EndedAsync(subject, [.. others.Select(sid => sid.ToString())]);
        return await ended;
    }

    /// <summary>
    /// Tells the listener which products each ended session had signed in to. The sets are read
    /// and deleted in one transaction: of many requests ending the same session at once, only one
    /// finds its products, so each product hears of the end once.
    /// </summary>
    private async Task EndedAsync(string subject, IReadOnlyList<string> sids)
    {
        if (sids.Count == 0)
        {
            return;
        }

        var transaction = Db.CreateTransaction();
        var clients = sids.Select(sid => transaction.SetMembersAsync(ProductsKey(sid))).ToArray();
        _ = transaction.KeyDeleteAsync([.. sids.Select(sid => (RedisKey)ProductsKey(sid))]);
        await transaction.ExecuteAsync();
        for (var i = 0; i < sids.Count; i++)
        {
            var products = (await clients[i]).Select(client => client.ToString()).ToArray();
            if (products.Length > 0)
            {
                listener.SessionEnded(new EndedSession(sids[i], subject, products));
            }
        }
    }

    private static string SessionKey(string sid) => $"sso:session:{sid}";

    private static string ProductsKey(string sid) => $"sso:session:{sid}:clients";

    private static string CookieKey(string secret) =>
        $"sso:cookie:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)))}";

    private static string SubjectKey(string subject) => $"sso:subject:{subject}";

    private static string NewId(int bytes) => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(bytes));
}
