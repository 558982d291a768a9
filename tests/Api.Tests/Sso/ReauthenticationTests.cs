using System.Net;
using Duende.IdentityModel.Client;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Api.Tests.Sso;

/// <summary>
/// prompt=login and max_age make a signed-in browser go through the password and MFA steps again,
/// once: the fresh session then gets its code, and the ID token says when the user authenticated.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class ReauthenticationTests(SsoApiFactory api)
{
    [Theory]
    [Trait("ASVS", "3.7.1")]
    [InlineData("prompt", "login")]
    [InlineData("max_age", "0")]
    public async Task A_signed_in_browser_is_sent_to_the_sign_in_screen_and_after_a_new_password_and_mfa_step_gets_its_code(string name, string value)
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);
        var first = await browser.SignInAsync(user);
        var firstAuthTime = AuthTimeOf(first.IdentityToken);

        var signInScreen = await AuthorizeWithAsync(browser, name, value);
        var returnUrl = ReturnUrlOf(signInScreen);
        // The sign-in screen asks for everything again: password, then the MFA code.
        Assert.Equal("password", (await browser.StartAsync(user.Email, returnUrl)).Step);
        Assert.Equal("mfa", (await browser.PasswordAsync(user.Password)).Step);
        var done = await browser.MfaAsync(user.NextCode());
        var callback = await browser.AuthorizeAsync(done.RedirectUrl);
        var second = await browser.RedeemAsync(callback);

        Assert.Equal(returnUrl, done.RedirectUrl);
        Assert.StartsWith(browser.RedirectUri, callback.ToString());
        Assert.True(AuthTimeOf(second.IdentityToken) >= firstAuthTime, "auth_time is the new sign-in's");
        Assert.NotEqual(Sid(first.IdentityToken), Sid(second.IdentityToken));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetMeAsync(second.AccessToken)).Status);
    }

    [Theory]
    [Trait("ASVS", "3.7.1")]
    [InlineData("prompt", "login")]
    [InlineData("max_age", "0")]
    public async Task Skipping_the_sign_in_screen_by_opening_its_return_url_does_not_reuse_the_old_session(string name, string value)
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);
        await browser.SignInAsync(user);

        var returnUrl = ReturnUrlOf(await AuthorizeWithAsync(browser, name, value));
        // Whoever sits at the browser opens the way back directly, even with the parameter removed.
        var direct = await browser.AuthorizeAsync(returnUrl);
        var edited = await browser.AuthorizeAsync(WithoutParameter(returnUrl, name));

        Assert.Equal("/sso/login", direct.AbsolutePath);
        Assert.Equal("/sso/login", edited.AbsolutePath);
    }

    [Fact]
    [Trait("ASVS", "3.7.1")]
    public async Task Fifty_parallel_visits_of_a_prompt_login_request_then_fifty_with_the_prompt_removed_all_reach_the_sign_in_screen()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);
        await browser.SignInAsync(user);
        await browser.PrepareSignInAsync(new Parameters { { "prompt", "login" } });
        var original = browser.AuthorizeState!.StartUrl;
        var edited = WithoutParameter(original, "prompt");

        // Fifty first sights race to record the requirement; then fifty copies with the prompt removed.
        var originals = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => browser.AuthorizeAsync(original)));
        var edits = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => browser.AuthorizeAsync(edited)));

        Assert.All(originals.Concat(edits), location => Assert.Equal("/sso/login", location.AbsolutePath));
    }

    [Fact]
    [Trait("ASVS", "3.7.1")]
    public async Task A_max_age_the_session_still_meets_issues_the_code_without_a_new_sign_in()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);
        await browser.SignInAsync(user);

        await browser.PrepareSignInAsync(new Parameters { { "max_age", "3600" } });
        var callback = await browser.AuthorizeAsync(browser.AuthorizeState!.StartUrl);

        Assert.NotNull(SsoDriver.CodeIn(callback));
    }

    [Fact]
    [Trait("ASVS", "3.7.1")]
    public async Task A_silent_request_with_max_age_0_is_answered_login_required_not_with_a_code()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);
        await browser.SignInAsync(user);

        await browser.PrepareSignInAsync(new Parameters { { "prompt", "none" }, { "max_age", "0" } });
        var callback = await browser.AuthorizeAsync(browser.AuthorizeState!.StartUrl);

        Assert.StartsWith(browser.RedirectUri, callback.ToString());
        Assert.Null(SsoDriver.CodeIn(callback));
        Assert.Equal("login_required", QueryHelpers.ParseQuery(callback.Query)["error"].ToString());
    }

    [Fact]
    [Trait("ASVS", "3.7.1")]
    public async Task The_id_token_carries_auth_time_the_moment_the_user_signed_in()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        var tokens = await browser.SignInAsync(user);

        var after = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        Assert.InRange(AuthTimeOf(tokens.IdentityToken), before, after);
        var discovery = System.Text.Json.JsonDocument.Parse(await browser.Http.GetStringAsync("/.well-known/openid-configuration")).RootElement;
        Assert.Contains("auth_time", discovery.GetProperty("claims_supported").EnumerateArray().Select(e => e.GetString()));
    }

    /// <summary>The OIDC client's authorize URL with one more parameter, opened by this (signed-in) browser.</summary>
    private static async Task<Uri> AuthorizeWithAsync(SsoDriver browser, string name, string value)
    {
        await browser.PrepareSignInAsync(new Parameters { { name, value } });
        return await browser.AuthorizeAsync(browser.AuthorizeState!.StartUrl);
    }

    private static string ReturnUrlOf(Uri signInScreen)
    {
        Assert.Equal("/sso/login", signInScreen.AbsolutePath);
        return QueryHelpers.ParseQuery(signInScreen.Query)["returnUrl"].ToString();
    }

    private static string WithoutParameter(string url, string name)
    {
        var uri = new Uri(new Uri("https://localhost/"), url);
        var query = QueryHelpers.ParseQuery(uri.Query).Where(p => p.Key != name).ToDictionary(p => p.Key, p => (string?)p.Value.ToString());
        return QueryHelpers.AddQueryString(uri.AbsolutePath, query);
    }

    private static long AuthTimeOf(string idToken) =>
        long.Parse(new JsonWebTokenHandler().ReadJsonWebToken(idToken).GetClaim("auth_time").Value, System.Globalization.CultureInfo.InvariantCulture);

    private static string Sid(string idToken) => new JsonWebTokenHandler().ReadJsonWebToken(idToken).GetClaim("sid").Value;
}
