using StackExchange.Redis;

namespace Api.Sso.Throttling;

/// <summary>The answer of <see cref="RedisBudget.TryTakeAsync"/>: whether a unit was taken, and how many are taken now.</summary>
public readonly record struct BudgetTake(bool Taken, long Count);

/// <summary>
/// The one atomic counter every limit uses: a unit of a budget is taken <em>before</em> the work it
/// limits (a password hash, a code check, an e-mail), in one Lua script, so fifty requests that
/// arrive at once can never take more than the limit. A right answer gives its unit back.
/// </summary>
public sealed class RedisBudget(IConnectionMultiplexer redis)
{
    // Check and increment in one step; the window starts with the first unit and is never extended.
    private static readonly LuaScript Take = LuaScript.Prepare("""
        local n = tonumber(redis.call('GET', @key) or '0')
        if n >= tonumber(@limit) then return -n end
        n = redis.call('INCR', @key)
        if n == 1 then redis.call('PEXPIRE', @key, @milliseconds) end
        return n
        """);

    // Never below zero, and DECR keeps the key's expiry.
    private static readonly LuaScript GiveBack = LuaScript.Prepare("""
        local n = tonumber(redis.call('GET', @key) or '0')
        if n > 0 then return redis.call('DECR', @key) end
        return 0
        """);

    private IDatabase Db => redis.GetDatabase();

    public async Task<BudgetTake> TryTakeAsync(string key, int limit, TimeSpan window)
    {
        var result = (long)await Db.ScriptEvaluateAsync(Take, new { key = (RedisKey)key, limit, milliseconds = (long)window.TotalMilliseconds });
        return result > 0 ? new BudgetTake(true, result) : new BudgetTake(false, -result);
    }

    public Task GiveBackAsync(string key) => Db.ScriptEvaluateAsync(GiveBack, new { key = (RedisKey)key });

    public Task ResetAsync(string key) => Db.KeyDeleteAsync(key);

    public async Task<long> CountAsync(string key) => (long?)await Db.StringGetAsync(key) ?? 0;
}
