namespace Api.Tests.Support;

/// <summary>
/// The cluster as the tests' third cache engine (<c>TEST_CACHE_ENGINE=cluster</c>). A separate
/// file, so <see cref="RedisClusterProcess"/> itself needs nothing of the test project.
/// </summary>
public sealed partial class RedisClusterProcess : ICacheServer;
