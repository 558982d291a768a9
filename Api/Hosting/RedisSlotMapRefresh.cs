using StackExchange.Redis;

namespace Api.Hosting;

/// <summary>
/// After a Redis Cluster master fails over, StackExchange.Redis may keep routing some slots to the
/// old master, now a replica, and refuse to send writes there ("Command cannot be issued to a
/// replica") without asking the server — so no MOVED answer teaches it the new layout, and it only
/// relearns it at its next periodic check (the soak saw 13 s of 503s). The first such refusal asks
/// it to reconfigure at once; later ones within a second wait for that one.
/// </summary>
public sealed class RedisSlotMapRefresh(IConnectionMultiplexer redis, TimeProvider clock, ILogger<RedisSlotMapRefresh> logger)
{
    private static readonly TimeSpan AtMostEvery = TimeSpan.FromSeconds(1);
    private long lastTicks;

    public static bool IsStaleRoute(Exception exception) =>
        exception is RedisCommandException && exception.Message.StartsWith("Command cannot be issued to a replica", StringComparison.Ordinal);

    public void Request()
    {
        var now = clock.GetUtcNow().UtcTicks;
        var last = Interlocked.Read(ref lastTicks);
        if (now - last < AtMostEvery.Ticks || Interlocked.CompareExchange(ref lastTicks, now, last) != last)
        {
            return;
        }

        logger.LogWarning("A Redis write was routed to a replica: relearning the cluster's slot map now");
        _ = Task.Run(async () =>
        {
            try
            {
                await redis.ConfigureAsync();
            }
            catch (Exception exception) when (exception is RedisException or TimeoutException)
            {
                // The cluster is still settling: the next refused write asks again.
                logger.LogWarning(exception, "Relearning the Redis Cluster's slot map failed");
            }
        });
    }
}
