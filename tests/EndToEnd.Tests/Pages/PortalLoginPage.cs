using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EndToEnd.Tests.Pages;

/// <summary>`/`: the portal's login page, Single Sign-On first, then the legacy form.</summary>
public sealed class PortalLoginPage(IPage page)
{
    public static readonly Regex Url = new(@"^https?://[^/]+/(\?.*)?$");

    public ILocator SingleSignOn => page.GetByRole(AriaRole.Button, new() { Name = "Log in with Single Sign-On" });

    public ILocator Email => page.GetByLabel("Email", new() { Exact = true });

    public ILocator Password => page.GetByLabel("Password", new() { Exact = true });

    // Exact: "Log in" is also the start of "Log in with Single Sign-On".
    public ILocator LogIn => page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true });

    public ILocator Alert => page.GetByRole(AriaRole.Alert);

    public async Task<PortalLoginPage> GotoAsync()
    {
        await page.GotoAsync("/");
        await WaitForAsync();
        return this;
    }

    public async Task WaitForAsync()
    {
        await Expect(page).ToHaveURLAsync(Url);
        await Expect(SingleSignOn).ToBeVisibleAsync();
    }

    /// <summary>Log in with Single Sign-On: the provider has no session yet, so its login screen opens.</summary>
    public async Task<SsoLoginPage> StartSingleSignOnAsync()
    {
        await SingleSignOn.ClickAsync();
        var sso = new SsoLoginPage(page);
        await sso.WaitForAsync();
        return sso;
    }

    public async Task LogInWithPortalPasswordAsync(string email, string password)
    {
        await Email.FillAsync(email);
        await Password.FillAsync(password);
        await LogIn.ClickAsync();
    }
}
