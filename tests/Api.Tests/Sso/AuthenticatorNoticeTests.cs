using System.Globalization;
using System.Net;
using Api.Sso.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Sso;

/// <summary>Every authenticator change is mailed to the owner, with a single-use "This was not me" link.</summary>
[Collection(SsoCollection.Name)]
public sealed class AuthenticatorNoticeTests(SsoApiFactory api)
{
    [Fact]
    [Trait("ASVS", "2.2.3")]
    public async Task The_owner_is_mailed_when_an_authenticator_is_enrolled()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Activated);
        using var browser = new SsoDriver(api);
        await Journeys.EnrolAsync(browser, user);

        var mail = Assert.Single(await Mailbox.MessagesAsync(api.Services, user.Email, "authenticator-enrolled"));
        Assert.Equal("An authenticator app was added to your account", mail.Subject);
        Assert.Contains($"on {DateTime.UtcNow:d MMMM yyyy}", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("UTC", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("If it was not you", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("works once and expires in 7 days", mail.TextBody, StringComparison.Ordinal);
        Assert.NotEmpty(Mailbox.TokenIn(mail, "not-me"));
    }

    [Fact]
    [Trait("ASVS", "2.2.3")]
    public async Task The_owner_is_mailed_when_their_authenticator_is_reset()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);

        await AdministerAsync(accounts => accounts.ResetAuthenticatorAsync(user.AccountId!));

        var mail = Assert.Single(await Mailbox.MessagesAsync(api.Services, user.Email, "authenticator-reset"));
        Assert.Equal("Your authenticator was reset", mail.Subject);
        Assert.Contains(DateTime.UtcNow.ToString("d MMMM yyyy", CultureInfo.InvariantCulture), mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("every device was signed out", mail.TextBody, StringComparison.Ordinal);
        Assert.NotEmpty(Mailbox.TokenIn(mail, "not-me"));
    }

    [Fact]
    [Trait("ASVS", "2.8.6")]
    public async Task This_was_not_me_removes_the_authenticator_ends_every_session_and_sends_a_reset_once()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Activated);
        // Someone who knows the password enrols an authenticator and is signed in.
        using var intruder = new SsoDriver(api);
        await intruder.BeginSignInAsync();
        var tokens = await intruder.FinishSignInAsync(await Journeys.EnrolAsync(intruder, user));
        Assert.Equal(HttpStatusCode.OK, (await intruder.GetMeAsync(tokens.AccessToken)).Status);
        var notice = Assert.Single(await Mailbox.MessagesAsync(api.Services, user.Email, "authenticator-enrolled"));
        var token = Mailbox.TokenIn(notice, "not-me");

        using var owner = new SsoDriver(api);
        var first = await owner.PostAsync("/api/sso/authenticator/not-me", new { token });
        var second = await owner.PostAsync("/api/sso/authenticator/not-me", new { token });

        Assert.Equal(HttpStatusCode.NoContent, first.Status);
        Assert.Equal(HttpStatusCode.BadRequest, second.Status);
        Assert.True(second.IsProblem, second.ToString());
        Assert.Contains("expired or has already been used", second.Detail);
        // The intruder's session and token end, and the password they knew no longer works.
        Assert.Equal(HttpStatusCode.Unauthorized, (await intruder.GetMeAsync(tokens.AccessToken)).Status);
        using var retry = new SsoDriver(api);
        await retry.StartAsync(user.Email);
        Assert.Equal("The e-mail or password is incorrect.", (await retry.PasswordAsync(user.Password)).Detail);
        // The owner chooses a new password from the mail and enrols afresh: the authenticator is gone.
        var reset = Assert.Single(await Mailbox.MessagesAsync(api.Services, user.Email, "password-reset"));
        Assert.Equal(HttpStatusCode.NoContent, (await owner.ResetPasswordAsync(Mailbox.TokenIn(reset, "reset-password"), Journeys.NewPassword)).Status);
        await owner.StartAsync(user.Email);
        Assert.Equal("enroll", (await owner.PasswordAsync(Journeys.NewPassword)).Step);
    }

    [Fact]
    [Trait("ASVS", "2.5.6")]
    public async Task An_expired_not_me_link_is_refused_and_changes_nothing()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Activated);
        using var browser = new SsoDriver(api);
        await Journeys.EnrolAsync(browser, user);
        var token = Mailbox.TokenIn(Assert.Single(await Mailbox.MessagesAsync(api.Services, user.Email, "authenticator-enrolled")), "not-me");
        await Mailbox.ExpireLinksAsync(api.Services, user.AccountId!);

        var answer = await browser.PostAsync("/api/sso/authenticator/not-me", new { token });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("expired or has already been used", answer.Detail);
        using var later = new SsoDriver(api);
        await later.LoginToMfaAsync(user);
        Assert.Equal("done", (await later.MfaAsync(user.NextCode())).Step);
    }

    private async Task AdministerAsync(Func<AccountAdministration, Task<bool>> action)
    {
        await using var scope = api.Services.CreateAsyncScope();
        Assert.True(await action(scope.ServiceProvider.GetRequiredService<AccountAdministration>()));
    }
}
