using System.Net;
using Api.Sso.Throttling;

namespace Api.Tests.Security;

/// <summary>
/// The mails an attacker can trigger stay within their quotas when fifty requests arrive at once
/// (lockout notice, password reset, activation resend), and using up the reset quota does not
/// stop the owner's own browser getting a link.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class ParallelMailLimitTests(SsoApiFactory api)
{
    private const int Parallel = ParallelAttack.Parallel;

    [Fact]
    [Trait("ASVS", "2.2.1")]
    public async Task A_lock_caused_by_fifty_parallel_guesses_mails_the_owner_once()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);

        await Task.WhenAll(Enumerable.Range(0, Parallel).Select(async i =>
        {
            using var attacker = new SsoDriver(api);
            await attacker.StartAsync(user.Email);
            await attacker.PasswordAsync($"guess-{i}-not-it");
        }));

        var mails = await Mailbox.WaitForAsync(api.Services, user.Email, "account-locked");
        Assert.Single(mails);
        Assert.Contains("Forgot Password", mails[0].TextBody, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("ASVS", "2.5.1")]
    public async Task Fifty_parallel_forgot_password_requests_from_one_address_pass_the_limit_only()
    {
        var address = SsoDriver.NewClientIp();
        var answers = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(async _ =>
        {
            using var browser = new SsoDriver(api, address);
            return await browser.ForgotPasswordAsync(SsoUsers.UnknownEmail());
        }));

        var limit = new LoginThrottleOptions().ForgotPasswordIpLimit;
        Assert.Equal(limit, answers.Count(a => a.Status == HttpStatusCode.Accepted));
        var refused = answers.Where(a => a.Status == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(Parallel - limit, refused.Count);
        Assert.All(refused, a => Assert.True(a.IsProblem && a.Raw.Headers.RetryAfter is not null, a.ToString()));
    }

    [Fact]
    [Trait("ASVS", "2.5.1")]
    public async Task An_attacker_who_uses_up_the_reset_mail_quota_does_not_stop_the_owner_getting_a_link()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        var owner = await SignedInOwnerAsync(user);
        for (var i = 0; i < Api.Sso.Passwords.PasswordResetMailer.MailsPerHour + 3; i++)
        {
            using var attacker = new SsoDriver(api);
            Assert.Equal(HttpStatusCode.Accepted, (await attacker.ForgotPasswordAsync(user.Email)).Status);
        }

        await Mailbox.WaitForAsync(api.Services, user.Email, "password-reset", Api.Sso.Passwords.PasswordResetMailer.MailsPerHour);
        using var ownerAgain = BrowserWithDeviceCookieOf(owner);
        Assert.Equal(HttpStatusCode.Accepted, (await ownerAgain.ForgotPasswordAsync(user.Email)).Status);

        var mails = await Mailbox.WaitForAsync(api.Services, user.Email, "password-reset", Api.Sso.Passwords.PasswordResetMailer.MailsPerHour + 1);
        Assert.Equal(Api.Sso.Passwords.PasswordResetMailer.MailsPerHour + 1, mails.Count);
    }

    [Fact]
    [Trait("ASVS", "2.5.1")]
    public async Task Fifty_parallel_forgot_password_requests_for_one_account_send_at_most_the_hourly_quota()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);

        var answers = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(async _ =>
        {
            using var stranger = new SsoDriver(api);
            return await stranger.ForgotPasswordAsync(user.Email);
        }));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Accepted, a.Status));
        await Mailbox.WaitForAsync(api.Services, user.Email, "password-reset", Api.Sso.Passwords.PasswordResetMailer.MailsPerHour);
        // A request for another account after all fifty: requests are handled in order, so once its
        // mail is there, all fifty have been handled and the count is final.
        var other = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var last = new SsoDriver(api);
        await last.ForgotPasswordAsync(other.Email);
        await Mailbox.WaitForAsync(api.Services, other.Email, "password-reset");
        Assert.Equal(Api.Sso.Passwords.PasswordResetMailer.MailsPerHour, (await Mailbox.MessagesAsync(api.Services, user.Email, "password-reset")).Count);
    }

    [Fact]
    [Trait("ASVS", "2.2.1")]
    public async Task Fifty_parallel_activation_resends_send_at_most_two_more_mails()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.MigratedPending);
        using var browser = new SsoDriver(api);
        await browser.StartAsync(user.Email);
        Assert.Equal("activate", (await browser.PasswordAsync(user.Password)).Step);

        var answers = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(_ => browser.ResendActivationAsync()));

        Assert.Equal(Api.Sso.Login.ResendActivation.MaxResends, answers.Count(a => a.Status == HttpStatusCode.Accepted));
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.Accepted), a => Assert.Equal(HttpStatusCode.TooManyRequests, a.Status));
        Assert.Equal(1 + Api.Sso.Login.ResendActivation.MaxResends, (await Mailbox.MessagesAsync(api.Services, user.Email, "activation")).Count);
    }

    private Task<SsoDriver> SignedInOwnerAsync(TestUser user) => ParallelAttack.SignedInOwnerAsync(api, user);

    /// <summary>A fresh browser (no SSO session) that carries only the owner's device cookie.</summary>
    private SsoDriver BrowserWithDeviceCookieOf(SsoDriver owner, string? clientIp = null) => ParallelAttack.BrowserWithDeviceCookieOf(api, owner, clientIp);
}
