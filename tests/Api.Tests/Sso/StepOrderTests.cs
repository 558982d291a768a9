using System.Net;

namespace Api.Tests.Sso;

/// <summary>The sign-in steps run in order: none can be skipped or repeated, and authorize issues no code before the last.</summary>
[Collection(SsoCollection.Name)]
public sealed class StepOrderTests(SsoApiFactory api)
{
    [Fact]
    public async Task A_step_cannot_be_skipped()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);
        await browser.StartAsync(user.Email);

        var mfa = await browser.MfaAsync(user.Code());
        var enrollment = await browser.EnrollmentAsync();
        var confirm = await browser.ConfirmEnrollmentAsync(user.Code());
        var resend = await browser.ResendActivationAsync();

        foreach (var answer in new[] { mfa, enrollment, confirm, resend })
        {
            Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
            Assert.True(answer.IsProblem, answer.ToString());
            Assert.False(string.IsNullOrWhiteSpace(answer.Detail));
            Assert.DoesNotContain(answer.SetCookies, c => c.StartsWith("__Host-sso=", StringComparison.Ordinal));
        }

        // And nothing without a transaction at all.
        using var stranger = new SsoDriver(api);
        Assert.Equal(HttpStatusCode.BadRequest, (await stranger.PasswordAsync(user.Password)).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await stranger.MfaAsync(user.Code())).Status);
    }

    [Fact]
    public async Task A_password_step_cannot_be_repeated_once_it_has_passed()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);
        await browser.LoginToMfaAsync(user);

        var again = await browser.PasswordAsync(user.Password);

        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
    }

    [Fact]
    public async Task Authorize_with_only_an_mfa_pending_login_issues_no_code()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);
        await browser.BeginSignInAsync();
        await browser.LoginToMfaAsync(user);

        var location = await browser.AuthorizeAsync();

        Assert.Equal("/sso/login", location.AbsolutePath);
        Assert.Null(SsoDriver.CodeIn(location));
        Assert.DoesNotContain("code=", location.Query);
    }
}
