using StackExchange.Redis;

namespace Api.Shared.Limits;

/// <summary>The answer of <see cref="RedisBudget.TryTakeAsync(string, int, TimeSpan)"/>: whether a unit was taken, and how many are taken now.</summary>
public readonly record struct BudgetTake(bool Taken, long Count);

/// <summary>
/// The one atomic counter every limit uses: a unit of a budget is taken <em>before</em> the work it
/// limits (a password hash, a code check, an e-mail, a ticket), in one Lua script, so fifty requests
/// that arrive at once can never take more than the limit. A right answer gives its unit back.
/// Shared by every module; each names its own keys (the SSO's start with <c>sso:</c>).
/// Each script touches its one key, so on a Redis Cluster it runs on that key's master. Several
/// budgets of one request (<see cref="TryTakeAllAsync"/>) live in different hash slots, so they are
/// taken one after another and given back on a refusal, never in one multi-key script: a refusal
/// or a failure between two takes leaves at most a unit taken too many, never one too few.
/// </summary>
public sealed class RedisBudget(IConnectionMultiplexer redis)
{
    // Check and increment in one step; the window starts with the first unit and is never extended.
    // A take of several units (bytes of a file) is refused whole when it would pass the limit.
    private static readonly LuaScript Take = LuaScript.Prepare("""
        local n = tonumber(redis.call('GET', @key) or '0')
        local units = tonumber(@units)
        if n + units > tonumber(@limit) then return -n end
        n = redis.call('INCRBY', @key, units)
        if n == units then redis.call('PEXPIRE', @key, @milliseconds) end
        return n
        """);

    // Never below zero, and DECRBY keeps the key's expiry.
    private static readonly LuaScript GiveBack = LuaScript.Prepare("""
        local n = tonumber(redis.call('GET', @key) or '0')
        local units = tonumber(@units)
        if n < units then units = n end
        if units > 0 then return redis.call('DECRBY', @key, units) end
        return n
        """);

    private IDatabase Db => redis.GetDatabase();

    public Task<BudgetTake> TryTakeAsync(string key, int limit, TimeSpan window) => TryTakeAsync(key, limit, window, units: 1);

    public async Task<BudgetTake> TryTakeAsync(string key, long limit, TimeSpan window, long units)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(units, 1);
        var result = (long)await Db.ScriptEvaluateAsync(Take, new { key = (RedisKey)key, limit, units, milliseconds = (long)window.TotalMilliseconds });
        return result > 0 ? new BudgetTake(true, result) : new BudgetTake(false, -result);
    }

    /// <summary>
    /// Takes from every budget or from none: the first that refuses is answered, with how long
    /// until its window ends, and the units already taken from the others are given back.
    /// </summary>
    public async Task<BudgetRefusal?> TryTakeAllAsync(IReadOnlyList<BudgetLimit> budgets)
    {
        for (var i = 0; i < budgets.Count; i++)
        {
            var budget = budgets[i];
            if ((await TryTakeAsync(budget.Key, budget.Limit, budget.Window, budget.Units)).Taken)
            {
                continue;
            }

            await Task.WhenAll(budgets.Take(i).Select(taken => GiveBackAsync(taken.Key, taken.Units)));
            return new BudgetRefusal(budget, await TimeLeftAsync(budget));
        }

        return null;
    }

    public Task GiveBackAsync(string key) => GiveBackAsync(key, units: 1);

    public Task GiveBackAsync(string key, long units) => Db.ScriptEvaluateAsync(GiveBack, new { key = (RedisKey)key, units });

    public Task ResetAsync(string key) => Db.KeyDeleteAsync(key);

    public async Task<long> CountAsync(string key) => (long?)await Db.StringGetAsync(key) ?? 0;

    /// <summary>Until the budget's window ends and its units are back; the whole window when nothing is taken.</summary>
    private async Task<TimeSpan> TimeLeftAsync(BudgetLimit budget) =>
        await Db.KeyTimeToLiveAsync(budget.Key) is { } left && left > TimeSpan.Zero ? left : budget.Window;
}

/// <summary>One budget a request takes from: <paramref name="Units"/> of at most <paramref name="Limit"/> per <paramref name="Window"/>.</summary>
public sealed record BudgetLimit(string Key, long Limit, TimeSpan Window, long Units = 1);

/// <summary>The budget that refused, and how long until its window ends (the answer's Retry-After).</summary>
public sealed record BudgetRefusal(BudgetLimit Budget, TimeSpan RetryAfter);
