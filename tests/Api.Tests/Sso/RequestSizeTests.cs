using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace Api.Tests.Sso;

/// <summary>
/// Oversized bodies on a real Kestrel server (the test server ignores size limits): refused with
/// a 4xx ProblemDetails, quickly, and never hashed. Plain http on loopback, so the login cookie is
/// sent by hand.
/// </summary>
public sealed class RequestSizeTests(KestrelApiFactory api) : IClassFixture<KestrelApiFactory>
{
    [Fact]
    public async Task A_one_megabyte_password_is_refused_by_kestrel_quickly_and_never_hashed()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var http = api.CreateSocketClient();
        var start = await http.PostAsync("/api/sso/login/start", Json($"{{\"email\":\"{user.Email}\"}}"));
        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        var login = SetCookieHeaderValue.ParseList(start.Headers.GetValues("Set-Cookie").ToList()).Single(c => c.Name == "__Host-sso-login");

        var clock = Stopwatch.StartNew();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/sso/login/password")
        {
            Content = Json($"{{\"password\":\"{new string('p', 1024 * 1024)}\"}}"),
        };
        request.Headers.Add("Cookie", $"{login.Name}={login.Value}");
        // As browsers and proxies may: the server can refuse by the announced length, before the
        // body is sent (otherwise the client may still be writing when the 413 closes the connection).
        request.Headers.ExpectContinue = true;
        var answer = await SsoResponse.ReadAsync(await http.SendAsync(request));
        clock.Stop();

        Assert.True(answer.Status is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.BadRequest, Short(answer));
        Assert.True(answer.IsProblem, Short(answer));
        BadInputTests.AssertNoStackTrace(answer);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.ElapsedMilliseconds} ms");
        Assert.True(api.Hashing.LongestPassword <= 128, $"a password of {api.Hashing.LongestPassword} characters reached the password hasher");
    }

    [Theory]
    [InlineData("/api/sso/login/start")]
    [InlineData("/api/sso/password/forgot")]
    [InlineData("/api/legacy/login")]
    [InlineData("/api/sso/password/reset")]
    public async Task A_body_over_16_kb_is_refused_with_a_4xx_problem_details(string path)
    {
        using var http = api.CreateSocketClient();
        var body = $"{{\"email\":\"a@example.test\",\"password\":\"{new string('p', 64 * 1024)}\",\"newPassword\":\"x\",\"token\":\"x\"}}";

        var answer = await SsoResponse.ReadAsync(await http.SendAsync(Post(path, body)));

        Assert.True(answer.Status is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.BadRequest, Short(answer));
        Assert.True(answer.IsProblem, Short(answer));
        BadInputTests.AssertNoStackTrace(answer);
    }

    [Fact]
    public async Task A_body_over_16_kb_is_explained_with_a_sentence_for_the_user()
    {
        using var http = api.CreateSocketClient();
        var body = $"{{\"email\":\"a@example.test\",\"returnUrl\":\"/{new string('r', 64 * 1024)}\"}}";

        var answer = await SsoResponse.ReadAsync(await http.SendAsync(Post("/api/sso/login/start", body)));

        Assert.True(answer.IsProblem, Short(answer));
        // docs/sso-flow.md: every error's detail is a sentence the SPA shows in role="alert".
        Assert.False(string.IsNullOrWhiteSpace(answer.Detail), $"no detail sentence: {Short(answer)}");
    }

    private static HttpRequestMessage Post(string path, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = Json(body) };
        request.Headers.ExpectContinue = true;
        return request;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static string Short(SsoResponse answer) => answer.ToString()[..Math.Min(400, answer.ToString().Length)];
}
