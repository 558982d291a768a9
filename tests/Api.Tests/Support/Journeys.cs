using System.Net;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Api.Tests.Support;

/// <summary>The steps several enrolment, sign-in and single-use tests share, each as a user would take them, and the sentences they expect.</summary>
internal static class Journeys
{
    public const string WrongCredentials = "The e-mail or password is incorrect.";
    public const string AlreadyEnrolled = "An authenticator app or a passkey was already set up for this account. Sign in again and use it.";
    public const string Expired = "Your sign-in took too long or was interrupted. Please start again.";
    public const string NewPassword = "A-brand-new-passphrase-42";

    /// <summary>E-mail and password of a user without an authenticator; returns the manual key the enrolment screen shows.</summary>
    public static async Task<string> ReachEnrolmentAsync(SsoDriver browser, TestUser user)
    {
        Assert.Equal("password", (await browser.StartAsync(user.Email)).Step);
        var next = await browser.PasswordAsync(user.Password);
        Assert.True(next.Step == "enroll", $"expected step enroll, got {next}");
        var enrollment = await browser.EnrollmentAsync();
        Assert.Equal(HttpStatusCode.OK, enrollment.Status);
        return enrollment.String("manualKey")!.Replace(" ", "", StringComparison.Ordinal);
    }

    /// <summary>Enrols an authenticator in <paramref name="browser"/> (which ends signed in); the user then holds its secret.</summary>
    public static async Task<SsoResponse> EnrolAsync(SsoDriver browser, TestUser user)
    {
        var key = await ReachEnrolmentAsync(browser, user);
        Totp.AvoidStepBoundary();
        var now = DateTime.UtcNow;
        var done = await browser.ConfirmEnrollmentAsync(Totp.CodeAt(key, now));
        Assert.True(done.Step == "done", $"enrolment failed: {done}");
        user.TotpSecret = key;
        user.MarkUsed(now);
        return done;
    }

    /// <summary>
    /// <paramref name="count"/> browsers, each with its own login transaction waiting for the MFA
    /// code. Made one after another: this is the setup, the parallel part is the test's.
    /// </summary>
    public static async Task<List<SsoDriver>> BrowsersAtMfaAsync(SsoApiFactory api, TestUser user, int count)
    {
        var browsers = new List<SsoDriver>();
        for (var i = 0; i < count; i++)
        {
            var browser = new SsoDriver(api);
            await browser.LoginToMfaAsync(user);
            browsers.Add(browser);
        }

        return browsers;
    }

    /// <summary>The token of the reset link a Forgot Password request mails.</summary>
    public static async Task<string> ResetTokenAsync(SsoApiFactory api, SsoDriver browser, TestUser user)
    {
        var before = (await Mailbox.MessagesAsync(api.Services, user.Email, "password-reset")).Count;
        await browser.ForgotPasswordAsync(user.Email);
        var mails = await Mailbox.WaitForAsync(api.Services, user.Email, "password-reset", before + 1);
        return Mailbox.TokenIn(mails[^1], "reset-password");
    }

    /// <summary>How many SSO sessions the account has in the session store (what a browser cookie would name).</summary>
    public static async Task<long> SessionCountAsync(SsoApiFactory api, string accountId) =>
        await api.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase().SetLengthAsync(Api.Sso.Sessions.SessionKeys.Index(accountId));

    public static bool SetsSessionCookie(SsoResponse answer) =>
        answer.SetCookies.Any(c => c.StartsWith("__Host-sso=", StringComparison.Ordinal));

    public static void DisposeAll(IEnumerable<SsoDriver> browsers)
    {
        foreach (var browser in browsers)
        {
            browser.Dispose();
        }
    }
}
