namespace Api.Tests.Support;

/// <summary>
/// A real Redis-protocol server on a loopback port that a test factory owns: Microsoft Garnet in
/// the test process, or Debian's redis-server as a child process (see <see cref="CacheServers"/>).
/// </summary>
public interface ICacheServer : IDisposable
{
    /// <summary>"garnet" or "redis", for messages.</summary>
    string Engine { get; }

    int Port { get; }

    /// <summary>A StackExchange.Redis connection string for the Api's <c>ConnectionStrings:cache</c>.</summary>
    string ConnectionString { get; }
}
