using System.Text.RegularExpressions;
using EndToEnd.Tests.Infrastructure;
using EndToEnd.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace EndToEnd.Tests.Browser;

public sealed class LogoutTests(StackFixture stack, BrowserFixture browser) : JourneyTest(stack, browser)
{
    private const string Email = DevelopmentAccounts.DanaLegacy;

    [Fact]
    public Task A_legacy_user_signs_in_with_the_portal_form_can_change_the_password_and_after_log_out_back_shows_no_portal_data() => JourneyAsync(async () =>
    {
        await (await PortalLogin.GotoAsync()).LogInWithPortalPasswordAsync(Email, DevelopmentAccounts.Password);
        await PortalHome.WaitForAsync("Dana Legacy");

        var profile = await PortalHome.OpenEditProfileAsync();
        await Expect(profile.CurrentPassword).ToBeVisibleAsync();
        await Expect(profile.NewPassword).ToBeVisibleAsync();
        await Expect(profile.ConfirmNewPassword).ToBeVisibleAsync();
        await Expect(profile.ChangePassword).ToBeVisibleAsync();
        await AssertAccessibleAsync("Edit Profile (legacy user)");

        await Page.GoBackAsync();
        await PortalHome.WaitForAsync("Dana Legacy");
        await PortalHome.LogOut.ClickAsync();
        await PortalLogin.WaitForAsync();
        await Expect(PortalHome.AnyWelcome).ToHaveCountAsync(0);

        // Back after logging out: the portal must not come back from memory or the cache.
        await Page.GoBackAsync();
        await Expect(Page).ToHaveURLAsync(new Regex(@"^https?://[^/]+/((\?.*)?|sso/login\?.*)$"));
        var signInScreen = PortalLogin.SingleSignOn.Or(new SsoLoginPage(Page).Email);
        await Expect(signInScreen.First).ToBeVisibleAsync();
        await Expect(PortalHome.AnyWelcome).ToHaveCountAsync(0);
    });
}
