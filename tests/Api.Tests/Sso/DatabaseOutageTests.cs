using System.Net;
using Api.Infrastructure;
using Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Api.Tests.Sso;

/// <summary>
/// The database unreachable (its file moved away): requests fail closed with 503 and a sentence,
/// and the Api recovers by itself when it is back.
/// </summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private readonly string databaseFile = Path.Combine(Path.GetTempPath(), $"eup-outage-{Guid.NewGuid():N}.db");
    private readonly EmbeddedGarnet garnet = new();
    private OutageApi api = null!;

    public async Task InitializeAsync()
    {
        await using (var schema = new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={databaseFile}").Options))
        {
            await schema.Database.MigrateAsync();
        }

        api = new OutageApi(databaseFile, garnet);
        _ = api.Services;
    }

    [Fact]
    public async Task Requests_fail_closed_with_503_while_the_database_is_gone_and_recover_when_it_returns()
    {
        using var browser = new SsoDriver(api);
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync("/api/status")).StatusCode);

        File.Move(databaseFile, databaseFile + ".away");
        var status = await SsoResponse.ReadAsync(await browser.Http.GetAsync("/api/status"));
        await browser.StartAsync("someone@example.test");
        var password = await browser.PasswordAsync("Some-password-123");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status.Status);
        Assert.Contains("temporarily unavailable", status.Detail);
        BadInputTests.AssertNoStackTrace(status);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, password.Status);
        Assert.DoesNotContain("Sqlite", password.Body);

        File.Move(databaseFile + ".away", databaseFile);
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync("/api/status")).StatusCode);
    }

    public async Task DisposeAsync()
    {
        await api.DisposeAsync();
        garnet.Dispose();
        File.Delete(databaseFile);
        File.Delete(databaseFile + ".away");
    }

    private sealed class OutageApi(string databaseFile, EmbeddedGarnet garnet) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            // ReadWrite (no create) and no pooling: a moved file is really gone for the next request.
            builder.UseSetting("ConnectionStrings:db", $"Data Source={databaseFile};Mode=ReadWrite;Pooling=False");
            builder.UseSetting("ConnectionStrings:cache", garnet.ConnectionString);
            builder.UseSetting("ConnectionStrings:mail", "smtp://127.0.0.1:1");
            builder.UseSetting("Identity:Issuer", ApiFactory.Issuer);
            builder.UseSetting("Seed:DevelopmentData", "false");
        }
    }
}
