using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Api.Sso.Throttling;

public sealed class LoginThrottleOptions
{
    /// <summary>Failed passwords or codes for one account before it is locked for <see cref="Window"/>.</summary>
    public int AccountFailureLimit { get; set; } = 5;

    /// <summary>Failures from one client IP, across all accounts, before that IP is held back.</summary>
    public int IpFailureLimit { get; set; } = 30;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>
/// Failure counters in Redis, shared by every replica: per account (a password guessed slowly
/// from many IPs) and per client IP (one IP trying many accounts). MFA failures count too.
/// </summary>
public sealed class LoginThrottle(IConnectionMultiplexer redis, IOptions<LoginThrottleOptions> options)
{
    // INCR and set the window on the first failure, atomically: a crash between the two
    // commands can never leave a counter that never expires.
    private static readonly LuaScript CountFailure = LuaScript.Prepare(
        "local n = redis.call('INCR', @key) if n == 1 then redis.call('EXPIRE', @key, @seconds) end return n");

    private IDatabase Db => redis.GetDatabase();

    public async Task<bool> IsBlockedAsync(string account, string ip)
    {
        var counts = await Db.StringGetAsync([AccountKey(account), IpKey(ip)]);
        return (long?)counts[0] >= options.Value.AccountFailureLimit || (long?)counts[1] >= options.Value.IpFailureLimit;
    }

    public async Task RecordFailureAsync(string account, string ip)
    {
        var seconds = (long)options.Value.Window.TotalSeconds;
        await Task.WhenAll(
            Db.ScriptEvaluateAsync(CountFailure, new { key = (RedisKey)AccountKey(account), seconds }),
            Db.ScriptEvaluateAsync(CountFailure, new { key = (RedisKey)IpKey(ip), seconds }));
    }

    /// <summary>A completed login (or a password reset) clears the account's count, not the IP's.</summary>
    public Task ResetAccountAsync(string account) => Db.KeyDeleteAsync(AccountKey(account));

    private static string AccountKey(string account) => $"sso:fail:account:{account.ToLowerInvariant()}";

    private static string IpKey(string ip) => $"sso:fail:ip:{ip}";
}
