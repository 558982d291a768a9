using System.Net;
using Duende.IdentityModel.OidcClient;
using Microsoft.AspNetCore.WebUtilities;

namespace Api.Tests.Sso;

/// <summary>
/// End-session: the portal's own Log out (with its ID token as id_token_hint) ends the session;
/// a link or form on another site cannot, it only ever reaches the "Log out?" page; and the
/// browser is sent back only to a post-logout URI registered exactly.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class LogoutTests(SsoApiFactory api)
{
    private const string Evil = "https://evil.example";

    [Fact]
    [Trait("ASVS", "3.3.1")]
    public async Task Logout_with_the_id_token_hint_ends_the_session_and_returns_to_the_registered_uri()
    {
        var (browser, tokens) = await SignedInAsync();
        using var _ = browser;

        var logout = await browser.LogoutAsync();

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(browser.Origin, SsoDriver.LocationOf(logout));
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetMeAsync(tokens.AccessToken)).Status);
    }

    [Fact]
    [Trait("ASVS", "4.2.2")]
    [Trait("ASVS", "3.3.1")]
    public async Task A_cross_site_get_to_logout_does_not_end_the_session_it_asks_the_user_first()
    {
        var (browser, tokens) = await SignedInAsync();
        using var _ = browser;

        // An <img src> or link on another site: the browser sends the (SameSite=Lax) cookie along.
        using var request = new HttpRequestMessage(HttpMethod.Get, "/connect/logout");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");
        var response = await browser.Http.SendAsync(request);
        // Without any header at all (an older browser), and with the client id and return address.
        var plain = await browser.Http.GetAsync(SsoDriver.LogoutUrl(new() { ["client_id"] = SsoDriver.ClientId, ["post_logout_redirect_uri"] = browser.Origin.ToString() }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/sso/logout", SsoDriver.LocationOf(response)!.AbsolutePath);
        Assert.Equal("/sso/logout", SsoDriver.LocationOf(plain)!.AbsolutePath);
        Assert.Equal(browser.Origin.ToString(), QueryHelpers.ParseQuery(SsoDriver.LocationOf(plain)!.Query)["post_logout_redirect_uri"].ToString());
        Assert.Equal(HttpStatusCode.OK, (await browser.GetMeAsync(tokens.AccessToken)).Status);
        await AssertStillSignedInAsync(browser);
    }

    [Fact]
    [Trait("ASVS", "4.2.2")]
    public async Task Fifty_parallel_cross_site_logout_requests_leave_the_session_alive()
    {
        var (browser, tokens) = await SignedInAsync();
        using var _ = browser;

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
        {
            using var request = i % 2 == 0
                ? new HttpRequestMessage(HttpMethod.Get, "/connect/logout")
                : new HttpRequestMessage(HttpMethod.Post, "/connect/logout") { Content = new FormUrlEncodedContent([]) };
            request.Headers.Add("Sec-Fetch-Site", "cross-site");
            request.Headers.Add("Origin", Evil);
            return await browser.Http.SendAsync(request);
        }));

        Assert.All(answers, answer => Assert.True(
            answer.StatusCode == HttpStatusCode.Forbidden || SsoDriver.LocationOf(answer)?.AbsolutePath == "/sso/logout",
            $"{(int)answer.StatusCode} {SsoDriver.LocationOf(answer)}"));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetMeAsync(tokens.AccessToken)).Status);
    }

    [Fact]
    [Trait("ASVS", "3.3.1")]
    public async Task An_id_token_hint_of_another_user_does_not_end_this_browsers_session()
    {
        var (victim, victimTokens) = await SignedInAsync();
        var (attacker, attackerTokens) = await SignedInAsync();
        using var _ = victim;
        using var __ = attacker;

        var response = await victim.Http.GetAsync(SsoDriver.LogoutUrl(new() { ["id_token_hint"] = attackerTokens.IdentityToken }));

        Assert.Equal("/sso/logout", SsoDriver.LocationOf(response)!.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, (await victim.GetMeAsync(victimTokens.AccessToken)).Status);
    }

    [Fact]
    [Trait("ASVS", "3.3.1")]
    [Trait("ASVS", "4.2.2")]
    public async Task The_confirmation_pages_same_origin_post_ends_the_session_a_cross_site_post_is_refused()
    {
        var (browser, tokens) = await SignedInAsync();
        using var _ = browser;
        var form = new Dictionary<string, string> { ["client_id"] = SsoDriver.ClientId, ["post_logout_redirect_uri"] = browser.Origin.ToString() };

        var crossSite = await PostLogoutAsync(browser, form, origin: Evil, site: "cross-site");
        var noBrowserHeaders = await PostLogoutAsync(browser, form, origin: null, site: null);
        var nullOriginOnly = await PostLogoutAsync(browser, form, origin: "null", site: null);
        var stillIn = await browser.GetMeAsync(tokens.AccessToken);
        // What Chromium sends for the confirmation page's form (it is served with Referrer-Policy: no-referrer).
        var confirmed = await PostLogoutAsync(browser, form, origin: "null", site: "same-origin");

        var refusal = await SsoResponse.ReadAsync(crossSite);
        Assert.Equal(HttpStatusCode.Forbidden, refusal.Status);
        Assert.True(refusal.IsProblem, refusal.ToString());
        Assert.Contains("came from another website", refusal.Detail);
        // A POST that does not show it comes from the portal's page is asked to confirm too.
        Assert.Equal("/sso/logout", SsoDriver.LocationOf(noBrowserHeaders)!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Forbidden, nullOriginOnly.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillIn.Status);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(browser.Origin, SsoDriver.LocationOf(confirmed));
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetMeAsync(tokens.AccessToken)).Status);
    }

    [Theory]
    [Trait("ASVS", "5.1.5")]
    [InlineData("https://localhost/x")]
    [InlineData("https://localhosT/")]
    [InlineData("https://localhost")]
    [InlineData("http://localhost/")]
    [InlineData("https://localhost:444/")]
    [InlineData("https://localhost/?")]
    [InlineData("https://evil.example/")]
    public async Task A_post_logout_redirect_uri_that_differs_from_the_registered_one_is_refused(string uri)
    {
        var (browser, tokens) = await SignedInAsync();
        using var _ = browser;

        var response = await browser.Http.GetAsync(SsoDriver.LogoutUrl(new() { ["id_token_hint"] = browser.IdentityToken, ["post_logout_redirect_uri"] = uri }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetMeAsync(tokens.AccessToken)).Status);
        // The registered value itself, for contrast, is accepted.
        Assert.Equal(browser.Origin, SsoDriver.LocationOf(await browser.LogoutAsync()));
    }

    private async Task<(SsoDriver Browser, LoginResult Tokens)> SignedInAsync()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        var browser = new SsoDriver(api);
        return (browser, await browser.SignInAsync(user));
    }

    /// <summary>Authorize without a prompt still answers with a code: the SSO session is alive.</summary>
    private static async Task AssertStillSignedInAsync(SsoDriver browser)
    {
        await browser.PrepareSignInAsync();
        var callback = await browser.AuthorizeAsync(browser.AuthorizeState!.StartUrl);
        Assert.NotNull(SsoDriver.CodeIn(callback));
    }

    private static async Task<HttpResponseMessage> PostLogoutAsync(SsoDriver browser, Dictionary<string, string> form, string? origin, string? site)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/logout") { Content = new FormUrlEncodedContent(form) };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (site is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", site);
        }

        return await browser.Http.SendAsync(request);
    }
}
