using System.Net;

namespace Api.Tests.Sso;

/// <summary>The portal's OpenID Connect sign-in around the sign-in screen: authorize, code + PKCE, token.</summary>
[Collection(SsoCollection.Name)]
public sealed class OidcSignInTests(SsoApiFactory api)
{
    [Fact]
    public async Task Authorize_without_any_session_sends_the_browser_to_the_sign_in_screen()
    {
        using var browser = new SsoDriver(api);

        var response = await browser.BeginSignInAsync();

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = SsoDriver.LocationOf(response)!;
        Assert.Equal("/sso/login", location.AbsolutePath);
        Assert.StartsWith("/connect/authorize?", browser.ReturnUrl);
        Assert.Contains("code_challenge=", browser.ReturnUrl);
    }

    [Fact]
    public async Task Authorize_with_prompt_none_and_no_session_answers_login_required()
    {
        using var browser = new SsoDriver(api);
        var state = await browser.PrepareSignInAsync(new Duende.IdentityModel.Client.Parameters { { "prompt", "none" } });

        var callback = await browser.AuthorizeAsync(state.StartUrl);

        Assert.StartsWith(browser.RedirectUri, callback.ToString());
        Assert.Contains("error=login_required", callback.Query);
        Assert.Null(SsoDriver.CodeIn(callback));
    }

    [Fact]
    public async Task A_whole_sign_in_ends_in_a_token_for_the_user()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);

        var tokens = await browser.SignInAsync(user);
        var me = await browser.GetMeAsync(tokens.AccessToken);

        Assert.Equal(HttpStatusCode.OK, me.Status);
        Assert.Equal(user.DisplayName, me.String("name"));
    }

    [Fact]
    public async Task A_seeded_development_account_signs_in_with_the_readme_password_and_secret()
    {
        var henry = new TestUser
        {
            Email = "henry.enrolled@adventure.test",
            Password = "Portal-Pass-2026!",
            DisplayName = "Henry Enrolled",
            EndUserId = Guid.Empty,
            TotpSecret = "JBSWY3DPEHPK3PXP",
            ClientName = "Adventure Works",
            PartnerName = "Fabrikam MSP",
        };
        using var browser = new SsoDriver(api);

        var tokens = await browser.SignInAsync(henry);
        var me = await browser.GetMeAsync(tokens.AccessToken);

        Assert.Equal(HttpStatusCode.OK, me.Status);
        Assert.Equal("Henry Enrolled", me.String("name"));
        Assert.Equal("Adventure Works", me.String("clientName"));
    }
}
