using System.Net;

namespace Api.Tests.Sso;

/// <summary>
/// The database unreachable (its file moved away): requests fail closed with 503 and a sentence,
/// and the Api recovers by itself when it is back.
/// </summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private readonly string databaseFile = Path.Combine(Path.GetTempPath(), $"eup-outage-{Guid.NewGuid():N}.db");
    private readonly ICacheServer cache = CacheServers.Start();
    private SharedStoreApi api = null!;

    public async Task InitializeAsync()
    {
        await SharedStoreApi.MigrateAsync(databaseFile);

        // ReadWrite (no create) and no pooling: a moved file is really gone for the next request.
        api = new SharedStoreApi($"Data Source={databaseFile};Mode=ReadWrite;Pooling=False", cache);
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
        cache.Dispose();
        File.Delete(databaseFile);
        File.Delete(databaseFile + ".away");
    }
}
