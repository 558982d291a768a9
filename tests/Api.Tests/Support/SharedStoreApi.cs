using Api.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Api.Tests.Support;

/// <summary>
/// An Api instance on a database file and a cache server that the test owns, so several
/// instances (replicas) can share them, or the test can take the database away. No seed data.
/// </summary>
public sealed class SharedStoreApi(string databaseConnectionString, ICacheServer cache, string issuer = ApiFactory.Issuer) : WebApplicationFactory<Program>
{
    /// <summary>Creates the schema as a deployment would, before any instance starts.</summary>
    public static async Task MigrateAsync(string databaseFile)
    {
        await using var schema = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={databaseFile}").Options);
        await schema.Database.MigrateAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:db", databaseConnectionString);
        builder.UseSetting("ConnectionStrings:cache", cache.ConnectionString);
        builder.UseSetting("ConnectionStrings:mail", "smtp://127.0.0.1:1");
        builder.UseSetting("Identity:Issuer", issuer);
        builder.UseSetting("Seed:DevelopmentData", "false");
    }
}
