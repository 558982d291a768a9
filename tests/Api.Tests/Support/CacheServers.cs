namespace Api.Tests.Support;

/// <summary>
/// Starts the cache engine the run asks for: <c>TEST_CACHE_ENGINE=garnet</c> (the default, the
/// engine the app host embeds) or <c>redis</c> (Debian's redis-server, the production engine).
/// tests/run.sh runs the integration tests once on each, so a behaviour that differs between
/// them (Lua, expiry, transactions) fails one of the two runs.
/// </summary>
public static class CacheServers
{
    public const string EngineVariable = "TEST_CACHE_ENGINE";

    public static string Engine => (Environment.GetEnvironmentVariable(EngineVariable) ?? "").Trim().ToLowerInvariant() switch
    {
        "" or "garnet" => "garnet",
        "redis" => "redis",
        var other => throw new InvalidOperationException($"{EngineVariable}={other} is not known: use garnet or redis."),
    };

    /// <summary>A fresh server on a free port, or on <paramref name="port"/> (a cache that comes back where the Api expects it).</summary>
    public static ICacheServer Start(int? port = null) => Engine == "redis"
        ? new RedisServerProcess(port)
        : new EmbeddedGarnet(port);
}
