using System.Diagnostics;
using System.Net;

namespace Api.Tests.Sso;

/// <summary>Redis (the session cache) unreachable: requests fail closed with 503 and a sentence, never a stack trace.</summary>
public sealed class CacheOutageTests(CacheDownApiFactory api) : IClassFixture<CacheDownApiFactory>
{
    [Fact]
    public async Task Starting_a_login_answers_503_with_a_sentence()
    {
        using var browser = new SsoDriver(api);

        var clock = Stopwatch.StartNew();
        var answer = await browser.StartAsync("someone@example.test", "/portal");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.Status);
        Assert.True(answer.IsProblem, answer.ToString());
        Assert.Contains("temporarily unavailable", answer.Detail);
        BadInputTests.AssertNoStackTrace(answer);
        Assert.DoesNotContain("StackExchange", answer.Body);
        Assert.DoesNotContain("127.0.0.1", answer.Body);
        Assert.DoesNotContain(answer.SetCookies, c => c.StartsWith("__Host-sso-login=", StringComparison.Ordinal));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task The_status_endpoint_answers_503()
    {
        using var browser = new SsoDriver(api);

        var answer = await SsoResponse.ReadAsync(await browser.Http.GetAsync("/api/status"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.Status);
        Assert.True(answer.IsProblem, answer.ToString());
        Assert.False(string.IsNullOrWhiteSpace(answer.Detail));
        BadInputTests.AssertNoStackTrace(answer);
    }

    [Fact]
    public async Task A_valid_token_is_not_accepted_while_its_session_cannot_be_checked()
    {
        // Minted by hand (no session can be created without Redis); only the session check can refuse it.
        var token = TestTokens.Create(api.Services, [new("sub", "someone"), new("sid", "some-session")], issuer: SsoApiFactory.Issuer);
        using var browser = new SsoDriver(api);

        var me = await browser.GetMeAsync(token);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, me.Status);
        BadInputTests.AssertNoStackTrace(me);
    }
}

/// <summary>When the cache comes back, the Api recovers by itself (no restart).</summary>
public sealed class CacheRecoveryTests(CacheDownApiFactory api) : IClassFixture<CacheDownApiFactory>
{
    [Fact]
    public async Task The_api_recovers_by_itself_when_the_cache_returns()
    {
        using var browser = new SsoDriver(api);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await browser.StartAsync("someone@example.test")).Status);

        api.StartCache();

        var clock = Stopwatch.StartNew();
        SsoResponse answer;
        do
        {
            await Task.Delay(250);
            answer = await browser.StartAsync("someone@example.test");
        }
        while (answer.Status != HttpStatusCode.OK && clock.Elapsed < TimeSpan.FromSeconds(30));

        Assert.True(answer.Status == HttpStatusCode.OK, $"still {answer} after {clock.Elapsed.TotalSeconds:0} s");
        Assert.Equal("password", answer.Step);
    }
}
