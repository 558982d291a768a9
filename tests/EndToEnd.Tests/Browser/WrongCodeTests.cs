using EndToEnd.Tests.Infrastructure;
using EndToEnd.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace EndToEnd.Tests.Browser;

public sealed class WrongCodeTests(StackFixture stack, BrowserFixture browser) : JourneyTest(stack, browser)
{
    private const string Email = DevelopmentAccounts.HenryEnrolled;

    [Fact]
    public Task A_wrong_mfa_code_is_refused_with_an_alert_and_the_right_code_then_signs_in() => JourneyAsync(async () =>
    {
        var authenticator = new Authenticator(DevelopmentAccounts.TotpSecret);
        var sso = await (await PortalLogin.GotoAsync()).StartSingleSignOnAsync();
        await sso.SignInAsync(Email, DevelopmentAccounts.Password);

        await sso.EnterMfaCodeAsync(authenticator.WrongCode());
        await Expect(sso.Alert).ToBeVisibleAsync();
        await Expect(sso.Alert).ToContainTextAsync("incorrect");
        await Expect(Page).ToHaveURLAsync(SsoLoginPage.Url);
        await Expect(PortalHome.AnyWelcome).ToHaveCountAsync(0);
        await AssertAccessibleAsync("SSO: MFA code step with an error");

        await sso.EnterMfaCodeAsync(await authenticator.NextCodeAsync());
        await PortalHome.WaitForAsync("Henry Enrolled");
    });
}
