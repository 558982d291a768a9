using System.Net;
using System.Security.Claims;
using static Api.Tests.Support.PortalApiProbe;

namespace Api.Tests.Sso;

/// <summary>
/// An access token is only as good as its SSO session: none, an unknown one or a logged-out one
/// is refused, and logging out one browser leaves the user's other browser signed in.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class TokenSessionTests(SsoApiFactory api)
{
    private const string Issuer = SsoApiFactory.Issuer;

    [Fact]
    public async Task A_token_without_a_session_or_with_an_unknown_session_is_refused()
    {
        var (control, _, sub) = await SessionAsync();
        await AssertAcceptedAsync(api, control);
        await AssertRefusedAsync(api, TestTokens.Create(api.Services, [new Claim("sub", sub)], issuer: Issuer));
        await AssertRefusedAsync(api, TestTokens.Create(api.Services, SessionClaims(sub, "no-such-session"), issuer: Issuer));
    }

    [Fact]
    [Trait("ASVS", "3.3.1")]
    public async Task A_token_whose_session_was_logged_out_is_refused()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);
        var tokens = await browser.SignInAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetMeAsync(tokens.AccessToken)).Status);

        var logout = await browser.LogoutAsync();

        Assert.True((int)logout.StatusCode < 500, $"logout answered {(int)logout.StatusCode}");
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetMeAsync(tokens.AccessToken)).Status);
        // The browser is signed out of the SSO too: authorize sends it to the sign-in screen.
        await browser.PrepareSignInAsync();
        Assert.Equal("/sso/login", (await browser.AuthorizeAsync(browser.AuthorizeState!.StartUrl)).AbsolutePath);
    }

    [Fact]
    public async Task Logging_out_one_browser_leaves_the_users_other_browser_signed_in()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var laptop = new SsoDriver(api);
        using var phone = new SsoDriver(api);
        var laptopTokens = await laptop.SignInAsync(user);
        var phoneTokens = await phone.SignInAsync(user);

        await laptop.LogoutAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, (await laptop.GetMeAsync(laptopTokens.AccessToken)).Status);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetMeAsync(phoneTokens.AccessToken)).Status);
    }

    /// <summary>A real session of a fresh user and a correctly minted token for it (must be accepted).</summary>
    private Task<(string Token, string Sid, string Sub)> SessionAsync() => ControlTokens.SessionAsync(api);
}
