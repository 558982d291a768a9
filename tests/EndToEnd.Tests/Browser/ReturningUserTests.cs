using EndToEnd.Tests.Infrastructure;
using EndToEnd.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace EndToEnd.Tests.Browser;

public sealed class ReturningUserTests(StackFixture stack, BrowserFixture browser) : JourneyTest(stack, browser)
{
    private const string Email = DevelopmentAccounts.ErinEnrolled;

    [Fact]
    public Task An_enrolled_user_signs_in_with_an_mfa_code_stays_signed_in_across_a_reload_and_no_token_is_stored() => JourneyAsync(async () =>
    {
        // Every step of the SSO login passes the accessibility check as the user meets it.
        var sso = await (await PortalLogin.GotoAsync()).StartSingleSignOnAsync();
        await AssertAccessibleAsync("SSO: email step");
        await sso.EnterEmailAsync(Email);
        await AssertAccessibleAsync("SSO: password step");
        await sso.Password.FillAsync(DevelopmentAccounts.Password);
        await sso.Login.ClickAsync();
        await Expect(sso.MfaCode).ToBeVisibleAsync();
        await AssertAccessibleAsync("SSO: MFA code step");
        await sso.EnterMfaCodeAsync(await DevelopmentAccounts.AuthenticatorOf(Email).NextCodeAsync());
        await PortalHome.WaitForAsync("Erin Enrolled");
        await AssertAccessibleAsync("Portal home");

        // The access token lives in memory only: a reload renews it silently from the SSO session.
        await Page.ReloadAsync();
        await PortalHome.WaitForAsync("Erin Enrolled");
        await Expect(new SsoLoginPage(Page).MfaCode).ToHaveCountAsync(0);

        var stored = await Page.EvaluateAsync<string[]>(
            """
            () => [localStorage, sessionStorage].flatMap((storage, i) =>
              Object.keys(storage).map(key => `${i === 0 ? 'localStorage' : 'sessionStorage'}[${key}] = ${storage.getItem(key)}`))
            """);
        var tokens = stored.Where(entry => entry.Contains("access_token", StringComparison.OrdinalIgnoreCase) || entry.Contains("eyJ", StringComparison.Ordinal));
        Assert.Empty(tokens);

        // A migrated user's password belongs to the SSO account: no change-password form, only the way to reset it.
        var profile = await PortalHome.OpenEditProfileAsync();
        await Expect(profile.ForgotPassword).ToBeVisibleAsync();
        await Expect(profile.CurrentPassword).ToHaveCountAsync(0);
        await Expect(profile.ChangePassword).ToHaveCountAsync(0);
        await AssertAccessibleAsync("Edit Profile (migrated user)");
    });
}
