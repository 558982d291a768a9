using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EndToEnd.Tests.Pages;

/// <summary>
/// `/sso/login`: the provider's identifier-first screen and every step after the password:
/// activation dialog, enrolment (a passkey first, an authenticator app instead) with recovery codes,
/// the MFA code, and "Use your passkey".
/// </summary>
public sealed class SsoLoginPage(IPage page)
{
    public static readonly Regex Url = new(@"/sso/login(\?|$)");

    public ILocator Email => page.GetByLabel("Email", new() { Exact = true });

    public ILocator Next => page.GetByRole(AriaRole.Button, new() { Name = "Next", Exact = true });

    public ILocator Password => page.GetByLabel("Password", new() { Exact = true });

    public ILocator Login => page.GetByRole(AriaRole.Button, new() { Name = "Login", Exact = true });

    public ILocator ForgotPassword => page.GetByRole(AriaRole.Link, new() { Name = "Forgot Password" });

    public ILocator Alert => page.GetByRole(AriaRole.Alert);

    public ILocator ActivationDialog =>
        page.GetByRole(AriaRole.Dialog, new() { NameRegex = new Regex("activate your e-?mail account", RegexOptions.IgnoreCase) });

    /// <summary>The enrolment step as it opens: a passkey offered first.</summary>
    public ILocator EnrolmentHeading => page.GetByRole(AriaRole.Heading, new() { Name = "Add a passkey", Exact = true });

    public ILocator AddPasskey => page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey", Exact = true });

    public ILocator UseAuthenticatorAppInstead => page.GetByRole(AriaRole.Button, new() { Name = "Use an authenticator app instead", Exact = true });

    public ILocator AuthenticatorHeading => page.GetByRole(AriaRole.Heading, new() { Name = "Set up your authenticator" });

    public ILocator UsePasskey => page.GetByRole(AriaRole.Button, new() { Name = "Use your passkey", Exact = true });

    public ILocator ManualKey => page.GetByTestId("manual-key");

    public ILocator AuthenticationCode => page.GetByLabel("Authentication code", new() { Exact = true });

    public ILocator Verify => page.GetByRole(AriaRole.Button, new() { Name = "Verify", Exact = true });

    public ILocator RecoveryCodes =>
        page.GetByRole(AriaRole.List, new() { NameRegex = new Regex("recovery codes", RegexOptions.IgnoreCase) })
            .GetByRole(AriaRole.Listitem);

    public ILocator Continue => page.GetByRole(AriaRole.Button, new() { Name = "Continue", Exact = true });

    public ILocator MfaCode => page.GetByLabel("MFA code", new() { Exact = true });

    public async Task WaitForAsync()
    {
        await Expect(page).ToHaveURLAsync(Url);
        await Expect(Email).ToBeVisibleAsync();
    }

    public async Task EnterEmailAsync(string email)
    {
        await Email.FillAsync(email);
        await Next.ClickAsync();
        await Expect(Password).ToBeVisibleAsync();
    }

    /// <summary>Email → Next → Password → Login. What comes next depends on the account.</summary>
    public async Task SignInAsync(string email, string password)
    {
        await EnterEmailAsync(email);
        await Password.FillAsync(password);
        await Login.ClickAsync();
    }

    public async Task EnterMfaCodeAsync(string code)
    {
        await Expect(MfaCode).ToBeVisibleAsync();
        await MfaCode.FillAsync(code);
        await Login.ClickAsync();
    }

    /// <summary>
    /// The key a user would type into an authenticator app instead of scanning the QR code (choosing
    /// "Use an authenticator app instead" first, when the passkey offer is what the step shows).
    /// </summary>
    public async Task<string> ReadManualKeyAsync()
    {
        await Expect(AddPasskey.Or(ManualKey)).ToBeVisibleAsync();
        if (await UseAuthenticatorAppInstead.IsVisibleAsync())
        {
            await UseAuthenticatorAppInstead.ClickAsync();
        }

        await Expect(AuthenticatorHeading).ToBeVisibleAsync();
        await Expect(ManualKey).ToBeVisibleAsync();
        await Expect(ManualKey).ToHaveTextAsync(new Regex("[A-Z2-7]{4}", RegexOptions.IgnoreCase));
        var shown = await ManualKey.InnerTextAsync();
        return Regex.Replace(shown, @"[\s-]", string.Empty).ToUpperInvariant();
    }

    public async Task ConfirmEnrolmentAsync(string code)
    {
        await AuthenticationCode.FillAsync(code);
        await Verify.ClickAsync();
    }

    public async Task<ForgotPasswordPage> OpenForgotPasswordAsync()
    {
        await ForgotPassword.ClickAsync();
        var forgot = new ForgotPasswordPage(page);
        await forgot.WaitForAsync();
        return forgot;
    }
}
