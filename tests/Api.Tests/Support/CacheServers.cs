namespace Api.Tests.Support;

/// <summary>
/// Starts the cache engine the run asks for: <c>TEST_CACHE_ENGINE=garnet</c> (the default, the
/// engine the app host embeds), <c>redis</c> (Debian's redis-server, the production engine) or
/// <c>cluster</c> (a Redis Cluster of three masters and three replicas from the same package).
/// tests/run.sh runs the integration tests once on each, so a behaviour that differs between
/// them (Lua, expiry, transactions, keys of one command in different hash slots) fails a run.
/// </summary>
public static class CacheServers
{
    public const string EngineVariable = "TEST_CACHE_ENGINE";

    public static string Engine => (Environment.GetEnvironmentVariable(EngineVariable) ?? "").Trim().ToLowerInvariant() switch
    {
        "" or "garnet" => "garnet",
        "redis" => "redis",
        "cluster" => "cluster",
        var other => throw new InvalidOperationException($"{EngineVariable}={other} is not known: use garnet, redis or cluster."),
    };

    /// <summary>A fresh server on a free port, or on <paramref name="port"/> (a cache that comes back where the Api expects it).</summary>
    public static ICacheServer Start(int? port = null) => Engine switch
    {
        "redis" => new RedisServerProcess(port),
        "cluster" => new RedisClusterProcess(port),
        _ => new EmbeddedGarnet(port),
    };
}
