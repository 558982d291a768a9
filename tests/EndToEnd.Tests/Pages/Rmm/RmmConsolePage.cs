using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EndToEnd.Tests.Pages.Rmm;

/// <summary>
/// The RMM console, the platform's second product, on an origin of its own: its home (who is signed
/// in and the roles this product gave them), its refusal page for someone without a role in it, and
/// the page after its Log out.
/// </summary>
public sealed class RmmConsolePage(IPage page, Uri consoleUrl)
{
    public ILocator SignedInAs(string name) => page.GetByText($"Signed in as {name}");

    public ILocator Roles =>
        page.GetByRole(AriaRole.List, new() { Name = "Your roles in the RMM Console" }).GetByRole(AriaRole.Listitem);

    public ILocator Refusal => page.GetByRole(AriaRole.Heading, new() { Name = "You have no role in the RMM Console" });

    public ILocator LogOut => page.GetByRole(AriaRole.Button, new() { Name = "Log out", Exact = true });

    public ILocator SignedOut => page.GetByRole(AriaRole.Heading, new() { Name = "You have logged out" });

    public ILocator LogInAgain => page.GetByRole(AriaRole.Link, new() { Name = "Log in again" })
        .Or(page.GetByRole(AriaRole.Button, new() { Name = "Log in again" }));

    /// <summary>Anywhere on the console's origin.</summary>
    public Regex Url { get; } = new("^" + Regex.Escape(consoleUrl.GetLeftPart(UriPartial.Authority)));

    /// <summary>Types the console's address: what follows (the console, or the SSO screen) depends on the SSO session.</summary>
    public async Task OpenAsync() => await page.GotoAsync(consoleUrl.ToString());

    /// <summary>
    /// Opens the console until it sends the browser to the SSO screen: a logout elsewhere reaches the console
    /// by back-channel, in the background, a moment after the provider has answered the browser.
    /// </summary>
    public async Task OpenUntilSignInIsAskedAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        await OpenAsync();
        while (!SsoLoginPage.Url.IsMatch(page.Url) && DateTime.UtcNow < deadline)
        {
            await page.WaitForTimeoutAsync(500);
            await OpenAsync();
        }

        await new SsoLoginPage(page).WaitForAsync();
    }

    /// <summary>The console's home, for this user: the OIDC sign-in has completed.</summary>
    public async Task WaitForHomeAsync(string name)
    {
        await Expect(SignedInAs(name)).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(Url);
    }

    /// <summary>Log out → the end session at the provider → back on the console's "You have logged out".</summary>
    public async Task LogOutAsync()
    {
        await LogOut.ClickAsync();
        await Expect(SignedOut).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(Url);
    }
}
