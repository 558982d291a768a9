using System.Net;

namespace Api.Tests.Sso;

/// <summary>
/// Every single-use thing is used once even when fifty requests arrive together: a sign-in's
/// last step, a TOTP time-step, a recovery code, a reset link, an activation link, a "This was
/// not me" link. (Enrolment: <see cref="EnrolmentIntegrityTests"/>.)
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class ParallelSingleUseTests(SsoApiFactory api)
{
    private const int Parallel = 50;

    [Fact]
    [Trait("ASVS", "3.2.1")]
    public async Task Parallel_completions_of_one_sign_in_make_one_session()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Activated);
        string[] recoveryCodes;
        using (var enrol = new SsoDriver(api))
        {
            recoveryCodes = (await Journeys.EnrolAsync(enrol, user)).RecoveryCodes;
        }

        var before = await Journeys.SessionCountAsync(api, user.AccountId!);
        using var browser = new SsoDriver(api);
        await browser.LoginToMfaAsync(user);
        // Every one of these would pass its own check: ten different recovery codes and a right
        // TOTP code, all for the same login transaction.
        var code = user.NextCode();
        var answers = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(i =>
            i < recoveryCodes.Length ? browser.RecoveryCodeAsync(recoveryCodes[i]) : browser.MfaAsync(code)));

        Assert.Single(answers, a => a.Step == "done");
        Assert.All(answers.Where(a => a.Step != "done"), a => Assert.Equal(HttpStatusCode.BadRequest, a.Status));
        Assert.Single(answers, Journeys.SetsSessionCookie);
        Assert.Equal(before + 1, await Journeys.SessionCountAsync(api, user.AccountId!));
    }

    [Fact]
    [Trait("ASVS", "2.8.4")]
    public async Task Fifty_parallel_submissions_of_one_right_totp_code_make_one_session()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        var browsers = await Journeys.BrowsersAtMfaAsync(api, user, Parallel);
        try
        {
            var code = user.NextCode();
            var answers = await Task.WhenAll(browsers.Select(b => b.MfaAsync(code)));

            Assert.Single(answers, a => a.Step == "done");
            Assert.Equal(Parallel - 1, answers.Count(a => a.Status == HttpStatusCode.BadRequest && a.Detail == "The code is incorrect or has expired."));
            Assert.Equal(1, await Journeys.SessionCountAsync(api, user.AccountId!));
        }
        finally
        {
            Journeys.DisposeAll(browsers);
        }
    }

    [Fact]
    [Trait("ASVS", "2.6.1")]
    public async Task Fifty_parallel_uses_of_one_recovery_code_make_one_session()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Activated);
        string recoveryCode;
        using (var enrol = new SsoDriver(api))
        {
            recoveryCode = (await Journeys.EnrolAsync(enrol, user)).RecoveryCodes[0];
        }

        var before = await Journeys.SessionCountAsync(api, user.AccountId!);
        var browsers = await Journeys.BrowsersAtMfaAsync(api, user, Parallel);
        try
        {
            var answers = await Task.WhenAll(browsers.Select(b => b.RecoveryCodeAsync(recoveryCode)));

            Assert.Single(answers, a => a.Step == "done");
            Assert.Equal(Parallel - 1, answers.Count(a => a.Status == HttpStatusCode.BadRequest && a.Detail == "The code is incorrect or has expired."));
            Assert.Equal(before + 1, await Journeys.SessionCountAsync(api, user.AccountId!));
        }
        finally
        {
            Journeys.DisposeAll(browsers);
        }
    }

    [Fact]
    [Trait("ASVS", "2.5.6")]
    public async Task Fifty_parallel_uses_of_one_reset_link_change_the_password_once()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);
        var token = await Journeys.ResetTokenAsync(api, browser, user);

        var answers = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(i =>
            browser.ResetPasswordAsync(token, $"{Journeys.NewPassword}-{i:00}")));

        var winner = Array.FindIndex(answers, a => a.Status == HttpStatusCode.NoContent);
        Assert.Single(answers, a => a.Status == HttpStatusCode.NoContent);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.NoContent), a => Assert.Contains("expired or has already been used", a.Detail));
        Assert.Single(await Mailbox.MessagesAsync(api.Services, user.Email, "password-changed"));
        // Only the winning request's password works.
        user.Password = $"{Journeys.NewPassword}-{winner:00}";
        using var login = new SsoDriver(api);
        await login.LoginToMfaAsync(user);
    }

    [Fact]
    [Trait("ASVS", "2.3.1")]
    public async Task Fifty_parallel_uses_of_one_activation_link_activate_once()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.MigratedPending);
        using var browser = new SsoDriver(api);
        await browser.StartAsync(user.Email);
        Assert.Equal("activate", (await browser.PasswordAsync(user.Password)).Step);
        var token = Mailbox.TokenIn(Assert.Single(await Mailbox.MessagesAsync(api.Services, user.Email, "activation")), "activate");

        var answers = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(_ => browser.ActivateAsync(token)));

        Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.OK), a => Assert.Contains("expired or has already been used", a.Detail));
        using var login = new SsoDriver(api);
        await login.StartAsync(user.Email);
        Assert.Equal("enroll", (await login.PasswordAsync(user.Password)).Step);
    }

    [Fact]
    [Trait("ASVS", "2.5.6")]
    public async Task Fifty_parallel_uses_of_one_not_me_link_act_once()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Activated);
        using var browser = new SsoDriver(api);
        await Journeys.EnrolAsync(browser, user);
        var token = Mailbox.TokenIn(Assert.Single(await Mailbox.MessagesAsync(api.Services, user.Email, "authenticator-enrolled")), "not-me");

        var answers = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(_ =>
            browser.PostAsync("/api/sso/authenticator/not-me", new { token })));

        Assert.Single(answers, a => a.Status == HttpStatusCode.NoContent);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.NoContent), a => Assert.Contains("expired or has already been used", a.Detail));
        Assert.Single(await Mailbox.MessagesAsync(api.Services, user.Email, "password-reset"));
    }
}
