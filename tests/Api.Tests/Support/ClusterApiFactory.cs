namespace Api.Tests.Support;

/// <summary>The Api on a fresh Redis Cluster of its own, given as every node's address (the client discovers the rest).</summary>
public sealed class ClusterApiFactory : SsoApiFactory
{
    public RedisClusterProcess Cluster => (RedisClusterProcess)Cache;

    protected override ICacheServer CreateCacheServer() => new RedisClusterProcess();
}
