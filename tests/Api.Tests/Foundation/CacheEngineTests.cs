using StackExchange.Redis;

namespace Api.Tests.Foundation;

/// <summary>
/// The run really uses the engine it names (tests/run.sh runs once per engine), and the commands
/// the Api builds on behave alike on both: Lua (the failure counters), SET NX with expiry (the
/// TOTP replay guard), MULTI/EXEC with expiry (sessions).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class CacheEngineTests(ApiFactory api)
{
    [Fact]
    public async Task The_api_talks_to_the_engine_this_run_asked_for()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(api.Cache.ConnectionString + ",allowAdmin=true");

        var info = string.Join('\n', (await redis.GetServers()[0].InfoAsync("server")).SelectMany(group => group).Select(line => $"{line.Key}:{line.Value}"));

        Assert.Equal(CacheServers.Engine, api.Cache.Engine);
        if (CacheServers.Engine is "redis" or "cluster")
        {
            Assert.Contains("redis_version:7.", info);
            Assert.DoesNotContain("garnet", info, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(CacheServers.Engine == "cluster" ? ServerType.Cluster : ServerType.Standalone, redis.GetServers()[0].ServerType);
        }
        else
        {
            Assert.Contains("garnet", info, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Lua_set_if_absent_and_transactions_keep_their_expiry()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(api.Cache.ConnectionString);
        var db = redis.GetDatabase();
        // One hash tag: on a cluster the transaction's keys must share a slot, as the Api's do.
        var prefix = $"engine-test:{{{Guid.NewGuid():N}}}:";

        // As LoginThrottle counts: INCR and EXPIRE in one script.
        var count = LuaScript.Prepare("local n = redis.call('INCR', @key) if n == 1 then redis.call('EXPIRE', @key, @seconds) end return n");
        var first = (long)await db.ScriptEvaluateAsync(count, new { key = (RedisKey)(prefix + "counter"), seconds = 60 });
        var second = (long)await db.ScriptEvaluateAsync(count, new { key = (RedisKey)(prefix + "counter"), seconds = 60 });
        var counterTtl = await db.KeyTimeToLiveAsync(prefix + "counter");

        // As the TOTP replay guard: the first SET NX wins, the second does not.
        var claimed = await db.StringSetAsync(prefix + "step", 1, TimeSpan.FromMinutes(3), When.NotExists);
        var claimedAgain = await db.StringSetAsync(prefix + "step", 1, TimeSpan.FromMinutes(3), When.NotExists);

        // As SsoSessionStore.CreateAsync: values and expiry in one MULTI/EXEC.
        var transaction = db.CreateTransaction();
        _ = transaction.StringSetAsync(prefix + "session", "{}", TimeSpan.FromMinutes(30));
        _ = transaction.SetAddAsync(prefix + "subject", "sid");
        _ = transaction.KeyExpireAsync(prefix + "subject", TimeSpan.FromHours(12));
        var committed = await transaction.ExecuteAsync();

        Assert.Equal((1L, 2L), (first, second));
        Assert.InRange(counterTtl!.Value, TimeSpan.FromSeconds(50), TimeSpan.FromSeconds(60));
        Assert.Equal((true, false), (claimed, claimedAgain));
        Assert.True(committed);
        Assert.InRange((await db.KeyTimeToLiveAsync(prefix + "session"))!.Value, TimeSpan.FromMinutes(29), TimeSpan.FromMinutes(30));
        Assert.InRange((await db.KeyTimeToLiveAsync(prefix + "subject"))!.Value, TimeSpan.FromHours(11.9), TimeSpan.FromHours(12));
    }
}
