using System.Net;
using System.Net.Http.Json;

namespace Api.Tests.Sso;

/// <summary>
/// CSRF: a page on another site cannot make a signed-in (or signing-in) browser change anything
/// through its cookies. Every state change on a cookie-authenticated path answers 403 when the
/// browser reports another origin; the portal's own pages (and non-browser clients) go through.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class CrossSiteRequestTests(SsoApiFactory api)
{
    private const string Refusal = "This request came from another website, so it was refused.";
    private const string SameOrigin = "https://localhost";

    /// <summary>What browsers send when another origin makes them post.</summary>
    private static readonly (string? Site, string? Origin)[] CrossSiteHeaders =
    [
        ("cross-site", null),
        (null, "https://evil.example"),
        ("cross-site", "https://evil.example"),
        // A sibling sub-domain is "same site", but another origin.
        ("same-site", "https://app.localhost"),
        (null, "null"),
        (null, "http://localhost"),
    ];

    [Theory]
    [Trait("ASVS", "4.2.2")]
    [InlineData("/api/sso/login/start")]
    [InlineData("/api/sso/login/password")]
    [InlineData("/api/sso/login/activation/resend")]
    [InlineData("/api/sso/login/enrollment")]
    [InlineData("/api/sso/login/mfa")]
    [InlineData("/api/sso/activate")]
    [InlineData("/api/sso/password/forgot")]
    [InlineData("/api/sso/password/reset")]
    [InlineData("/api/legacy/login")]
    [InlineData("/connect/logout")]
    [InlineData("/connect/authorize")]
    public async Task A_cross_site_post_to_a_cookie_authenticated_endpoint_is_refused_with_403(string path)
    {
        using var browser = new SsoDriver(api);

        foreach (var (site, origin) in CrossSiteHeaders)
        {
            var answer = await SsoResponse.ReadAsync(await PostAsync(browser, path, site, origin));

            Assert.True(answer.Status == HttpStatusCode.Forbidden, $"{site}/{origin}: {answer}");
            Assert.True(answer.IsProblem, answer.ToString());
            Assert.StartsWith(Refusal, answer.Detail);
        }
    }

    [Theory]
    [Trait("ASVS", "4.2.2")]
    [InlineData(SameOrigin)]
    // Our pages send Referrer-Policy: no-referrer, so Chromium posts "Origin: null" from them.
    [InlineData("null")]
    public async Task A_whole_sign_in_from_the_portals_own_pages_works(string origin)
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);
        browser.Http.DefaultRequestHeaders.Add("Origin", origin);
        browser.Http.DefaultRequestHeaders.Add("Sec-Fetch-Site", "same-origin");

        var tokens = await browser.SignInAsync(user);

        Assert.Equal(HttpStatusCode.OK, (await browser.GetMeAsync(tokens.AccessToken)).Status);
    }

    [Fact]
    [Trait("ASVS", "4.2.2")]
    public async Task Fifty_parallel_cross_site_logins_with_the_right_password_create_no_session_the_same_origin_one_does()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Legacy);
        using var browser = new SsoDriver(api);

        var crossSite = await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ =>
            await SsoResponse.ReadAsync(await PostAsync(browser, "/api/legacy/login", "cross-site", "https://evil.example", new { email = user.Email, password = user.Password }))));
        var sameOrigin = await SsoResponse.ReadAsync(await PostAsync(browser, "/api/legacy/login", "same-origin", SameOrigin, new { email = user.Email, password = user.Password }));

        Assert.All(crossSite, answer =>
        {
            Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
            Assert.DoesNotContain(answer.SetCookies, c => c.StartsWith("__Host-sso=", StringComparison.Ordinal));
        });
        Assert.Equal(HttpStatusCode.OK, sameOrigin.Status);
        Assert.Contains(sameOrigin.SetCookies, c => c.StartsWith("__Host-sso=", StringComparison.Ordinal));
    }

    [Fact]
    [Trait("ASVS", "4.2.2")]
    public async Task A_cross_site_post_cannot_advance_a_login_in_progress()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);
        await browser.StartAsync(user.Email, "/portal");

        var crossSite = await SsoResponse.ReadAsync(await PostAsync(browser, "/api/sso/login/password", "cross-site", "https://evil.example", new { password = user.Password }));
        // Still at the password step: the same-origin page continues where it was.
        var sameOrigin = await SsoResponse.ReadAsync(await PostAsync(browser, "/api/sso/login/password", "same-origin", SameOrigin, new { password = user.Password }));

        Assert.Equal(HttpStatusCode.Forbidden, crossSite.Status);
        Assert.Equal("mfa", sameOrigin.Step);
    }

    private static async Task<HttpResponseMessage> PostAsync(SsoDriver browser, string path, string? site, string? origin, object? body = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body ?? new { }) };
        if (site is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", site);
        }

        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return await browser.Http.SendAsync(request);
    }
}
