using System.Text.RegularExpressions;
using EndToEnd.Tests.Infrastructure;
using EndToEnd.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace EndToEnd.Tests.Browser;

/// <summary>
/// Passkeys in Chromium with its virtual authenticator (CDP), from the activation e-mail to a
/// sign-in with the passkey alone. A user with only an authenticator app still signs in with
/// password and code: ReturningUserTests (Erin) and FirstLoginJourneyTests (Alex, who chooses "Use
/// an authenticator app instead" at enrolment) cover that way.
/// </summary>
public sealed class PasskeyJourneyTests(StackFixture stack, BrowserFixture browser) : JourneyTest(stack, browser)
{
    private const string Email = DevelopmentAccounts.PiaPasskey;

    private static readonly string Name = DevelopmentAccounts.DisplayNameOf(Email);

    [Fact]
    public Task A_migrated_user_adds_a_passkey_at_activation_then_signs_in_with_it_alone_and_from_the_email_autofill() => JourneyAsync(async () =>
    {
        await ActivateFromMailAsync(Email, DateTimeOffset.UtcNow);

        // (a) The first sign-in after activation offers a passkey first; the device makes it.
        var authenticator = await VirtualAuthenticator.AttachAsync(Page);
        var sso = await PortalLogin.StartSingleSignOnAsync();
        await sso.SignInAsync(Email, DevelopmentAccounts.Password);
        await Expect(sso.EnrolmentHeading).ToBeVisibleAsync();
        await Expect(sso.UseAuthenticatorAppInstead).ToBeVisibleAsync();
        await AssertAccessibleAsync("SSO: Add a passkey step");
        await sso.AddPasskey.ClickAsync();
        await Expect(sso.RecoveryCodes).ToHaveCountAsync(10);
        await sso.Continue.ClickAsync();
        await PortalHome.WaitForAsync(Name);
        var passkeys = await authenticator.CredentialsAsync();
        Assert.True(Assert.Single(passkeys).GetProperty("isResidentCredential").GetBoolean());

        // (b) Signed out, Email → Next offers "Use your passkey" first (this browser signed in before).
        // The device is out of reach until the user chooses it: the Email field's autofill request
        // (which a virtual authenticator may answer by itself) must not sign in before the choice.
        await PortalHome.LogOut.ClickAsync();
        await PortalLogin.WaitForAsync();
        await authenticator.RemoveAsync();
        sso = await PortalLogin.StartSingleSignOnAsync();
        await sso.EnterEmailAsync(Email);
        await Expect(sso.UsePasskey).ToBeVisibleAsync();
        await Expect(sso.Password).ToBeVisibleAsync();
        await AssertAccessibleAsync("SSO: Use your passkey step");
        authenticator = await VirtualAuthenticator.AttachAsync(Page, passkeys);
        await sso.UsePasskey.ClickAsync();
        await PortalHome.WaitForAsync(Name);

        // (c) Signed out again, a fresh SSO screen with the device in reach: the Email field's
        // conditional request (passkey autofill) is answered by the authenticator, no e-mail typed.
        await PortalHome.LogOut.ClickAsync();
        await PortalLogin.WaitForAsync();
        var autofillOptions = Page.WaitForRequestAsync(request => request.Url.Contains("/api/sso/login/passkey/options", StringComparison.Ordinal));
        var passkeyAnswer = Page.WaitForResponseAsync(response => response.Request.Method == "POST" && new Uri(response.Url).AbsolutePath == "/api/sso/login/passkey");
        await PortalLogin.SingleSignOn.ClickAsync();
        await autofillOptions;
        Assert.True((await passkeyAnswer).Ok);
        await PortalHome.WaitForAsync(Name);
    });
}
