using System.Text.RegularExpressions;
using EndToEnd.Tests.Infrastructure;
using EndToEnd.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace EndToEnd.Tests.Browser;

public sealed class ForgotPasswordJourneyTests(StackFixture stack, BrowserFixture browser) : JourneyTest(stack, browser)
{
    private const string Email = DevelopmentAccounts.GraceReset;
    private const string NewPassword = "Tailspin-Reset-2026!new";

    [Fact]
    public Task A_user_resets_a_forgotten_password_from_the_sso_screen_and_still_needs_the_mfa_code() => JourneyAsync(async () =>
    {
        var authenticator = new Authenticator(DevelopmentAccounts.TotpSecret);
        var startedAt = DateTimeOffset.UtcNow;

        var sso = await (await PortalLogin.GotoAsync()).StartSingleSignOnAsync();
        var forgot = await sso.OpenForgotPasswordAsync();
        await AssertAccessibleAsync("SSO: Forgot Password");
        await forgot.RequestResetLinkAsync(Email);
        await AssertAccessibleAsync("SSO: Forgot Password, link sent");

        var mail = await Inbox.WaitForMessageAsync(Email, new Regex("password|reset", RegexOptions.IgnoreCase), startedAt);
        Assert.StartsWith("donotreply@", mail.FromAddress, StringComparison.OrdinalIgnoreCase);
        var link = await Inbox.ReadLinkAsync(mail, "/sso/reset-password");

        var reset = new ResetPasswordPage(Page);
        await reset.OpenAsync(link);
        await AssertAccessibleAsync("SSO: set a new password");
        await reset.SubmitAsync(NewPassword);
        await Expect(reset.Confirmation).ToBeVisibleAsync();
        await Expect(reset.Alert).ToHaveCountAsync(0);

        // The old password no longer works.
        sso = await (await PortalLogin.GotoAsync()).StartSingleSignOnAsync();
        await sso.SignInAsync(Email, DevelopmentAccounts.Password);
        await Expect(sso.Alert).ToContainTextAsync("The e-mail or password is incorrect.");
        await Expect(sso.MfaCode).ToHaveCountAsync(0);

        // The new one does, and the authenticator is still required.
        sso = await (await PortalLogin.GotoAsync()).StartSingleSignOnAsync();
        await sso.SignInAsync(Email, NewPassword);
        await sso.EnterMfaCodeAsync(await authenticator.NextCodeAsync());
        await PortalHome.WaitForAsync("Grace Reset");

        // The link is single-use: opened again, it refuses to set another password.
        await reset.OpenAsync(link);
        await reset.SubmitAsync(NewPassword + "-again");
        await Expect(reset.Alert).ToBeVisibleAsync();
        await Expect(reset.Confirmation).ToHaveCountAsync(0);
    });
}
