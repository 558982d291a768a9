using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Api.Sso.Sessions;

public sealed class SsoSessionOptions
{
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(12);
}

/// <summary>
/// SSO sessions in Redis, so every replica sees a logout, a password reset, a disable or an MFA
/// reset at once. The keys (<see cref="SessionKeys"/>) keep a subject's sessions, their index and
/// their products in one hash slot, so the same commands work on one server and on a Redis Cluster;
/// the cookie's pointer lives apart and is written first and deleted last, so a failure between
/// two writes leaves at worst a pointer to nothing, never a session that a revocation misses.
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
        // The cookie's pointer is in another hash slot than the session, so it cannot join the
        // transaction: written first, it names nothing until the session exists (refused like an
        // ended one) and expires by itself if the transaction below never runs.
        await Db.StringSetAsync(SessionKeys.Cookie(secret), $"{session.Id}:{subject}", idle);
        var transaction = Db.CreateTransaction();
        _ = transaction.StringSetAsync(SessionKeys.Session(subject, session.Id), JsonSerializer.Serialize(session), idle);
        _ = transaction.SetAddAsync(SessionKeys.Index(subject), session.Id);
        _ = transaction.KeyExpireAsync(SessionKeys.Index(subject), options.Value.AbsoluteLifetime);
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

        // "sid:subject" (a sid is base64url, so the first colon ends it; a subject may hold colons).
        var pointer = (await Db.StringGetAsync(SessionKeys.Cookie(cookieSecret))).ToString();
        var colon = pointer.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return null;
        }

        var session = await FindAsync(pointer[(colon + 1)..], pointer[..colon]);
        if (session is null)
        {
            return null;
        }

        if (clock.GetUtcNow().UtcDateTime - session.CreatedAt > options.Value.AbsoluteLifetime)
        {
            await RevokeAsync(session.Subject, session.Id, cookieSecret);
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (now - (session.LastSeenAt ?? session.CreatedAt) < SlideEvery)
        {
            return session;
        }

        // Seen now: extends the idle timeout. Written only if the session still exists (XX), so a
        // logout or "sign out other sessions" that lands between the read and this write wins.
        var idle = options.Value.IdleTimeout;
        var seen = session with { LastSeenAt = now };
        var extended = Db.StringSetAsync(SessionKeys.Session(session.Subject, session.Id), JsonSerializer.Serialize(seen), idle, When.Exists);
        await Task.WhenAll(extended, Db.KeyExpireAsync(SessionKeys.Cookie(cookieSecret), idle));
        return await extended ? seen : null;
    }

    /// <summary>The subject's session with this id, or null when it has ended (or is another subject's).</summary>
    public async Task<SsoSession?> FindAsync(string subject, string sid)
    {
        var json = await Db.StringGetAsync(SessionKeys.Session(subject, sid));
        return json.IsNullOrEmpty ? null : JsonSerializer.Deserialize<SsoSession>(json.ToString());
    }

    /// <summary>A subject's live sessions, newest first; ids of ended ones are dropped from its set on the way.</summary>
    public async Task<IReadOnlyList<SsoSession>> ListAsync(string subject)
    {
        var sids = await Db.SetMembersAsync(SessionKeys.Index(subject));
        if (sids.Length == 0)
        {
            return [];
        }

        var values = await Db.StringGetAsync([.. sids.Select(sid => (RedisKey)SessionKeys.Session(subject, sid!))]);
        var ended = sids.Where((_, i) => values[i].IsNullOrEmpty).ToArray();
        if (ended.Length > 0)
        {
            await Db.SetRemoveAsync(SessionKeys.Index(subject), ended);
        }

        var oldest = clock.GetUtcNow().UtcDateTime - options.Value.AbsoluteLifetime;
        return [.. values
            .Where(value => !value.IsNullOrEmpty)
            .Select(value => JsonSerializer.Deserialize<SsoSession>(value.ToString())!)
            .Where(session => session.CreatedAt >= oldest)
            .OrderByDescending(session => session.CreatedAt)];
    }

    /// <summary>True while the session exists: every Api request checks its token's sub and sid here.</summary>
    public Task<bool> ExistsAsync(string subject, string sid) => Db.KeyExistsAsync(SessionKeys.Session(subject, sid));

    /// <summary>
    /// Notes that the session signed in to a product (authorize issued it a code), so that the
    /// product hears when the session ends. Kept as long as the session could live.
    /// </summary>
    public async Task RecordProductAsync(string subject, string sid, string clientId)
    {
        var recorded = (sid, clientId);
        if (recordedClients.TryGetValue(recorded, out _))
        {
            return;
        }

        var transaction = Db.CreateTransaction();
        _ = transaction.SetAddAsync(SessionKeys.Products(subject, sid), clientId);
        _ = transaction.KeyExpireAsync(SessionKeys.Products(subject, sid), options.Value.AbsoluteLifetime);
        await transaction.ExecuteAsync();
        recordedClients.Set(recorded, true, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10) });
    }

    public void Dispose() => recordedClients.Dispose();

    /// <summary>Ends one session; with its cookie's secret, the cookie's pointer goes too.</summary>
    public async Task RevokeAsync(string subject, string sid, string? cookieSecret = null)
    {
        var transaction = Db.CreateTransaction();
        var deleted = transaction.KeyDeleteAsync(SessionKeys.Session(subject, sid));
        _ = transaction.SetRemoveAsync(SessionKeys.Index(subject), sid);
        await transaction.ExecuteAsync();
        // Another slot: after the session, so a failure here leaves a pointer to nothing.
        if (cookieSecret is not null)
        {
            await Db.KeyDeleteAsync(SessionKeys.Cookie(cookieSecret));
        }

        // Only the request that deleted the session tells its products.
        if (await deleted)
        {
            await EndedAsync(subject, [sid]);
        }
    }

    /// <summary>Ends every session of a subject (password reset, disable, delete, MFA reset).</summary>
    public async Task<int> RevokeAllAsync(string subject)
    {
        var sids = await Db.SetMembersAsync(SessionKeys.Index(subject));
        var keys = sids.Select(sid => (RedisKey)SessionKeys.Session(subject, sid!)).Append(SessionKeys.Index(subject)).ToArray();
        await Db.KeyDeleteAsync(keys);
        // Cookie keys now point at deleted sessions and expire on their own within the idle timeout.
        await EndedAsync(subject, [.. sids.Select(sid => sid.ToString())]);
        return sids.Length;
    }

    /// <summary>
    /// Ends every session of a subject but one (the browser that changed the password, or that
    /// asked to sign out everywhere else). Returns how many live sessions ended.
    /// </summary>
    public async Task<long> RevokeAllExceptAsync(string subject, string keepSid)
    {
        var others = (await Db.SetMembersAsync(SessionKeys.Index(subject))).Where(sid => sid != keepSid).ToArray();
        if (others.Length == 0)
        {
            return 0;
        }

        var ended = Db.KeyDeleteAsync([.. others.Select(sid => (RedisKey)SessionKeys.Session(subject, sid!))]);
        await Task.WhenAll(ended, Db.SetRemoveAsync(SessionKeys.Index(subject), others));
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
        var clients = sids.Select(sid => transaction.SetMembersAsync(SessionKeys.Products(subject, sid))).ToArray();
        _ = transaction.KeyDeleteAsync([.. sids.Select(sid => (RedisKey)SessionKeys.Products(subject, sid))]);
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

    private static string NewId(int bytes) => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(bytes));
}
