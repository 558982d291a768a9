using System.Text.RegularExpressions;
using EndToEnd.Tests.Infrastructure;
using EndToEnd.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace EndToEnd.Tests.Browser;

public sealed class FirstLoginJourneyTests(StackFixture stack, BrowserFixture browser) : JourneyTest(stack, browser)
{
    private const string Email = DevelopmentAccounts.AlexPending;

    [Fact]
    public Task A_migrated_user_activates_the_email_enrols_an_authenticator_and_lands_on_the_portal() => JourneyAsync(async () =>
    {
        var startedAt = DateTimeOffset.UtcNow;

        // First try: the password is right, but the e-mail account is not activated yet.
        var sso = await (await PortalLogin.GotoAsync()).StartSingleSignOnAsync();
        await sso.SignInAsync(Email, DevelopmentAccounts.Password);
        await Expect(sso.ActivationDialog).ToBeVisibleAsync();
        await AssertAccessibleAsync("SSO: Activate your email account dialog");

        var mail = await Inbox.WaitForMessageAsync(Email, new Regex("activ", RegexOptions.IgnoreCase), startedAt);
        Assert.StartsWith("donotreply@", mail.FromAddress, StringComparison.OrdinalIgnoreCase);
        var link = await Inbox.ReadLinkAsync(mail, "/sso/activate");

        var activation = new ActivatePage(Page);
        await activation.OpenAsync(link);
        await Expect(activation.Confirmation).ToBeVisibleAsync();
        await AssertAccessibleAsync("SSO: account activated page");
        await activation.BackToPortal.ClickAsync();
        await PortalLogin.WaitForAsync();

        // Second try: activated, but no authenticator yet, so it is enrolled now.
        sso = await PortalLogin.StartSingleSignOnAsync();
        await sso.SignInAsync(Email, DevelopmentAccounts.Password);
        await Expect(sso.EnrolmentHeading).ToBeVisibleAsync();
        await AssertAccessibleAsync("SSO: authenticator enrolment step");
        var authenticator = new Authenticator(await sso.ReadManualKeyAsync());
        await sso.ConfirmEnrolmentAsync(await authenticator.NextCodeAsync());

        await Expect(sso.RecoveryCodes).ToHaveCountAsync(10);
        await AssertAccessibleAsync("SSO: recovery codes step");
        await sso.Continue.ClickAsync();

        // Enrolment may complete the login by itself, or the provider may ask for a fresh code.
        var home = PortalHome.Welcome(DevelopmentAccounts.DisplayNameOf(Email));
        await Expect(home.Or(sso.MfaCode)).ToBeVisibleAsync();
        if (await sso.MfaCode.IsVisibleAsync())
        {
            await sso.EnterMfaCodeAsync(await authenticator.NextCodeAsync());
        }

        await PortalHome.WaitForAsync("Alex Pending");
    });
}
