using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Api.Tests.Support;

/// <summary>
/// The Api in-process on a real SQLite file and a real Redis-protocol server (Garnet or Redis, see
/// <see cref="CacheServers"/>), in the Development environment so migrations and seed data run as
/// they do for developers.
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Issuer = "http://localhost/";

    private readonly string databaseFile = Path.Combine(Path.GetTempPath(), $"eup-api-{Guid.NewGuid():N}.db");

    private ICacheServer? cache;

    /// <summary>The cache server this Api talks to, started on first use (when the host is configured).</summary>
    public ICacheServer Cache => cache ??= CreateCacheServer();

    /// <summary>The run's engine (<see cref="CacheServers"/>); a factory that needs a particular one overrides this.</summary>
    protected virtual ICacheServer CreateCacheServer() => CacheServers.Start();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        // UseSetting, not ConfigureAppConfiguration: the Api reads connection strings while it
        // registers services, before late configuration sources would apply.
        builder.UseSetting("ConnectionStrings:db", $"Data Source={databaseFile}");
        builder.UseSetting("ConnectionStrings:cache", Cache.ConnectionString);
        builder.UseSetting("ConnectionStrings:mail", "smtp://127.0.0.1:1");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Identity:Issuer", Issuer);
        RmmConsole.Configure(builder);
    }

    public Task InitializeAsync()
    {
        // Build the host now so start-up work (migrations, keys, seed) runs once, before tests.
        _ = Services;
        return Task.CompletedTask;
    }

    /// <summary>
    /// Also on the plain dispose path (`await using var api = new …Factory()` in a test), which
    /// never calls <see cref="IAsyncLifetime.DisposeAsync"/>: a cache server must not outlive its test.
    /// </summary>
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Interlocked.Exchange(ref cache, null)?.Dispose();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        Interlocked.Exchange(ref cache, null)?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(databaseFile);
    }
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFactory>
{
    public const string Name = "api";
}
