using System.Net;
using Api.Sso.Sessions;
using Api.Tests.Sso;

namespace Api.Tests.Security;

/// <summary>Session secrets stay out of URLs and are new at every sign-in (ASVS V3.1, V3.2); password length rules (V2.1).</summary>
[Collection(SsoCollection.Name)]
public sealed class SessionTokenTests(SsoApiFactory api)
{
    [Fact]
    [Trait("ASVS", "3.1.1")]
    public async Task The_session_secret_never_appears_in_a_url_or_a_response_body()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);
        var begin = await browser.BeginSignInAsync();
        await browser.LoginToMfaAsync(user);
        var done = await browser.MfaAsync(user.NextCode());
        var callback = await browser.AuthorizeAsync(done.RedirectUrl);

        var secret = SessionSecretOf(browser);
        Assert.DoesNotContain(secret, begin.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain(secret, done.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, callback.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("ASVS", "3.2.1")]
    public async Task A_session_cookie_planted_before_sign_in_is_replaced_by_a_new_secret()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);
        const string planted = "attacker-chosen-session-secret-0123456789abcdef";
        browser.Cookies.Add(new Cookie(SsoSessionStore.CookieName, planted, "/", "localhost") { Secure = true });

        await browser.SignInAsync(user);
        var first = SessionSecretOf(browser);
        using var second = new SsoDriver(api);
        await second.SignInAsync(user);

        Assert.NotEqual(planted, first);
        Assert.NotEqual(first, SessionSecretOf(second));
        Assert.True(first.Length >= 32, "the session secret is long and random");
    }

    [Theory]
    [Trait("ASVS", "2.1.2")]
    [InlineData(64)]
    [InlineData(128)]
    public async Task A_long_password_up_to_128_characters_can_be_set_and_used(int length)
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);
        Assert.Equal(HttpStatusCode.Accepted, (await browser.ForgotPasswordAsync(user.Email)).Status);
        var mail = Assert.Single(await Mailbox.WaitForAsync(api.Services, user.Email, "password-reset"));
        var longPassword = string.Concat(Enumerable.Repeat("Long pass phrase 7 ", 7))[..length];

        Assert.Equal(HttpStatusCode.NoContent, (await browser.ResetPasswordAsync(Mailbox.TokenIn(mail, "reset-password"), longPassword)).Status);

        using var later = new SsoDriver(api);
        await later.StartAsync(user.Email);
        Assert.Equal("mfa", (await later.PasswordAsync(longPassword)).Step);
    }

    [Fact]
    [Trait("ASVS", "2.1.1")]
    public async Task A_password_of_eleven_characters_is_refused_with_a_sentence()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);
        await browser.ForgotPasswordAsync(user.Email);
        var mail = Assert.Single(await Mailbox.WaitForAsync(api.Services, user.Email, "password-reset"));

        var answer = await browser.ResetPasswordAsync(Mailbox.TokenIn(mail, "reset-password"), "Elevenchars");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("12", answer.Detail ?? answer.Body, StringComparison.Ordinal);
    }

    private static string SessionSecretOf(SsoDriver browser) =>
        browser.Cookies.GetAllCookies().Single(c => c.Name == SsoSessionStore.CookieName).Value;
}
