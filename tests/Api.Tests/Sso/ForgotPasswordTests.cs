using System.Net;

namespace Api.Tests.Sso;

/// <summary>Forgot Password → reset mail → new password: same answer for anyone, single-use links, sessions revoked.</summary>
[Collection(SsoCollection.Name)]
public sealed class ForgotPasswordTests(SsoApiFactory api)
{
    private const string NewPassword = "A-brand-new-passphrase-42";

    [Fact]
    public async Task The_answer_is_the_same_for_a_registered_and_an_unregistered_email()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);

        var registered = await browser.ForgotPasswordAsync(user.Email);
        var unregistered = await browser.ForgotPasswordAsync(SsoUsers.UnknownEmail());

        Assert.Equal(HttpStatusCode.Accepted, registered.Status);
        Assert.Equal(registered.Status, unregistered.Status);
        Assert.Equal(registered.MediaType, unregistered.MediaType);
        Assert.Equal(registered.Body, unregistered.Body);
        Assert.Equal(registered.Raw.Headers.Location, unregistered.Raw.Headers.Location);
        Assert.False(string.IsNullOrWhiteSpace(registered.String("message")));
    }

    [Fact]
    public async Task A_registered_email_gets_a_reset_mail_and_an_unregistered_one_gets_none()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        var nobody = SsoUsers.UnknownEmail();
        using var browser = new SsoDriver(api);

        await browser.ForgotPasswordAsync(nobody);
        await browser.ForgotPasswordAsync(user.Email);

        var mail = Assert.Single(await Mailbox.WaitForAsync(api.Services, user.Email, "password-reset"));
        Assert.Equal("Reset your password", mail.Subject);
        Assert.NotEmpty(Mailbox.TokenIn(mail, "reset-password"));
        // The queue is processed in order: the unknown address was looked at first.
        Assert.Empty(await Mailbox.MessagesAsync(api.Services, nobody));
    }

    [Fact]
    [Trait("ASVS", "2.2.1")]
    public async Task Repeated_requests_cannot_flood_an_inbox()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        var stranger = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);

        for (var i = 0; i < Api.Sso.Passwords.PasswordResetMailer.MailsPerHour + 3; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await browser.ForgotPasswordAsync(user.Email)).Status);
        }

        // A later request for someone else is processed after all of those (the queue is in order).
        await browser.ForgotPasswordAsync(stranger.Email);
        await Mailbox.WaitForAsync(api.Services, stranger.Email, "password-reset");
        Assert.Equal(Api.Sso.Passwords.PasswordResetMailer.MailsPerHour, (await Mailbox.MessagesAsync(api.Services, user.Email, "password-reset")).Count);
    }

    [Fact]
    public async Task An_email_in_another_case_still_gets_the_reset_mail()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);

        await browser.ForgotPasswordAsync(user.Email.ToUpperInvariant());

        await Mailbox.WaitForAsync(api.Services, user.Email, "password-reset");
    }

    [Fact]
    [Trait("ASVS", "2.5.6")]
    public async Task A_reset_link_works_once()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);
        var token = await ResetTokenAsync(browser, user);

        var first = await browser.ResetPasswordAsync(token, NewPassword);
        var second = await browser.ResetPasswordAsync(token, NewPassword + "-again");

        Assert.Equal(HttpStatusCode.NoContent, first.Status);
        Assert.Equal(HttpStatusCode.BadRequest, second.Status);
        Assert.True(second.IsProblem, second.ToString());
        Assert.Contains("expired or has already been used", second.Detail);
        await Mailbox.WaitForAsync(api.Services, user.Email, "password-changed");
    }

    [Fact]
    [Trait("ASVS", "2.5.6")]
    public async Task An_expired_reset_link_is_refused_and_the_password_stays()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);
        var token = await ResetTokenAsync(browser, user);
        await Mailbox.ExpireLinksAsync(api.Services, user.AccountId!);

        var answer = await browser.ResetPasswordAsync(token, NewPassword);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("expired or has already been used", answer.Detail);
        using var login = new SsoDriver(api);
        await login.LoginToMfaAsync(user);
    }

    [Fact]
    [Trait("ASVS", "3.3.3")]
    public async Task Setting_a_new_password_ends_every_session_at_once()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var laptop = new SsoDriver(api);
        using var phone = new SsoDriver(api);
        var laptopTokens = await laptop.SignInAsync(user);
        var phoneTokens = await phone.SignInAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetMeAsync(laptopTokens.AccessToken)).Status);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetMeAsync(phoneTokens.AccessToken)).Status);

        using var browser = new SsoDriver(api);
        var token = await ResetTokenAsync(browser, user);
        Assert.Equal(HttpStatusCode.NoContent, (await browser.ResetPasswordAsync(token, NewPassword)).Status);

        // The tokens are still unexpired and correctly signed, yet refused.
        Assert.Equal(HttpStatusCode.Unauthorized, (await laptop.GetMeAsync(laptopTokens.AccessToken)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetMeAsync(phoneTokens.AccessToken)).Status);
        // And the SSO cookie no longer signs the browser in silently.
        await laptop.PrepareSignInAsync();
        var location = await laptop.AuthorizeAsync(laptop.AuthorizeState!.StartUrl);
        Assert.Equal("/sso/login", location.AbsolutePath);
    }

    [Fact]
    [Trait("ASVS", "2.5.6")]
    public async Task After_a_reset_the_old_password_fails_and_the_new_one_still_needs_mfa()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);
        var token = await ResetTokenAsync(browser, user);
        Assert.Equal(HttpStatusCode.NoContent, (await browser.ResetPasswordAsync(token, NewPassword)).Status);

        using var old = new SsoDriver(api);
        await old.StartAsync(user.Email);
        var refused = await old.PasswordAsync(user.Password);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("The e-mail or password is incorrect.", refused.Detail);

        user.Password = NewPassword;
        using var fresh = new SsoDriver(api);
        var tokens = await fresh.SignInAsync(user); // asserts step "mfa" after the password
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetMeAsync(tokens.AccessToken)).Status);
    }

    [Fact]
    public async Task A_reset_also_activates_an_account_whose_activation_was_pending()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.MigratedPending);
        using var browser = new SsoDriver(api);
        var token = await ResetTokenAsync(browser, user);
        Assert.Equal(HttpStatusCode.NoContent, (await browser.ResetPasswordAsync(token, NewPassword)).Status);

        using var login = new SsoDriver(api);
        await login.StartAsync(user.Email);
        Assert.Equal("enroll", (await login.PasswordAsync(NewPassword)).Step);
    }

    [Fact]
    public async Task A_too_short_password_is_refused_and_the_link_stays_usable()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);
        var token = await ResetTokenAsync(browser, user);

        var tooShort = await browser.ResetPasswordAsync(token, "short");

        Assert.Equal(HttpStatusCode.BadRequest, tooShort.Status);
        Assert.True(tooShort.IsProblem, tooShort.ToString());
        Assert.NotNull(tooShort.Errors?["newPassword"]);
        Assert.False(string.IsNullOrWhiteSpace(tooShort.Detail));
        Assert.Equal(HttpStatusCode.NoContent, (await browser.ResetPasswordAsync(token, NewPassword)).Status);
    }

    [Fact]
    public async Task A_reset_unlocks_a_locked_account()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        for (var i = 0; i < 5; i++)
        {
            using var attacker = new SsoDriver(api);
            await attacker.StartAsync(user.Email);
            await attacker.PasswordAsync("guess-" + i);
        }

        using var browser = new SsoDriver(api);
        var token = await ResetTokenAsync(browser, user);
        Assert.Equal(HttpStatusCode.NoContent, (await browser.ResetPasswordAsync(token, NewPassword)).Status);

        user.Password = NewPassword;
        using var login = new SsoDriver(api);
        await login.LoginToMfaAsync(user);
    }

    private async Task<string> ResetTokenAsync(SsoDriver browser, TestUser user)
    {
        var before = (await Mailbox.MessagesAsync(api.Services, user.Email, "password-reset")).Count;
        Assert.Equal(HttpStatusCode.Accepted, (await browser.ForgotPasswordAsync(user.Email)).Status);
        var mails = await Mailbox.WaitForAsync(api.Services, user.Email, "password-reset", before + 1);
        return Mailbox.TokenIn(mails[^1], "reset-password");
    }
}
