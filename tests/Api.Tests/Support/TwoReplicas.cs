namespace Api.Tests.Support;

/// <summary>
/// Two Api instances (replicas) on one migrated SQLite file and one cache server, started at the
/// same moment, as a deployment with two replicas runs. Disposing removes all of it.
/// </summary>
public sealed class TwoReplicas : IAsyncDisposable
{
    private readonly string databaseFile = Path.Combine(Path.GetTempPath(), $"eup-replicas-{Guid.NewGuid():N}.db");
    private readonly ICacheServer cache = CacheServers.Start();

    private TwoReplicas(string issuer)
    {
        // Default Timeout: two writers on one SQLite file wait for each other instead of failing.
        First = new SharedStoreApi($"Data Source={databaseFile};Default Timeout=30", cache, issuer);
        Second = new SharedStoreApi($"Data Source={databaseFile};Default Timeout=30", cache, issuer);
    }

    public SharedStoreApi First { get; }

    public SharedStoreApi Second { get; }

    /// <summary>
    /// The schema first (as a deployment would), then both replicas starting together. An https
    /// issuer lets an <see cref="SsoDriver"/> browser sign in (its cookies are Secure).
    /// </summary>
    public static async Task<TwoReplicas> StartAsync(string issuer = ApiFactory.Issuer)
    {
        var replicas = new TwoReplicas(issuer);
        await SharedStoreApi.MigrateAsync(replicas.databaseFile);
        await Task.WhenAll(Task.Run(() => replicas.First.Services), Task.Run(() => replicas.Second.Services));
        return replicas;
    }

    public async ValueTask DisposeAsync()
    {
        await First.DisposeAsync();
        await Second.DisposeAsync();
        cache.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(databaseFile);
    }
}
