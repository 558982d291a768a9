using System.Text.RegularExpressions;
using EndToEnd.Tests.Infrastructure;
using EndToEnd.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace EndToEnd.Tests.Browser;

/// <summary>Each kind of user is pointed to the login that is theirs. Neither attempt changes any state.</summary>
public sealed class MigratedUserTests(StackFixture stack, BrowserFixture browser) : JourneyTest(stack, browser)
{
    [Fact]
    public Task A_migrated_user_on_the_legacy_form_is_told_to_use_single_sign_on() => JourneyAsync(async () =>
    {
        var login = await PortalLogin.GotoAsync();
        await login.LogInWithPortalPasswordAsync(DevelopmentAccounts.HenryEnrolled, DevelopmentAccounts.Password);

        await Expect(login.Alert).ToContainTextAsync("Single Sign-On");
        await Expect(Page).ToHaveURLAsync(PortalLoginPage.Url);
        await Expect(PortalHome.AnyWelcome).ToHaveCountAsync(0);
    });

    [Fact]
    public Task A_user_not_yet_migrated_on_the_sso_screen_is_told_to_use_the_portal_login_form() => JourneyAsync(async () =>
    {
        var sso = await (await PortalLogin.GotoAsync()).StartSingleSignOnAsync();
        await sso.SignInAsync(DevelopmentAccounts.SamLegacy, DevelopmentAccounts.Password);

        await Expect(sso.Alert).ToContainTextAsync(new Regex("portal", RegexOptions.IgnoreCase));
        await Expect(sso.MfaCode).ToHaveCountAsync(0);
        await Expect(Page).ToHaveURLAsync(SsoLoginPage.Url);
    });
}
