using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EndToEnd.Tests.Pages;

/// <summary>`/sso/forgot-password`: asks for a reset link; always the same confirmation.</summary>
public sealed class ForgotPasswordPage(IPage page)
{
    public static readonly Regex Url = new(@"/sso/forgot-password(\?|$)");

    public ILocator Email => page.GetByLabel("Email", new() { Exact = true });

    public ILocator SendResetLink => page.GetByRole(AriaRole.Button, new() { Name = "Send reset link", Exact = true });

    public ILocator Confirmation =>
        page.GetByRole(AriaRole.Status).Filter(new() { HasTextRegex = new Regex("e-?mail|inbox", RegexOptions.IgnoreCase) });

    public async Task WaitForAsync()
    {
        await Expect(page).ToHaveURLAsync(Url);
        await Expect(Email).ToBeVisibleAsync();
    }

    public async Task RequestResetLinkAsync(string email)
    {
        await Email.FillAsync(email);
        await SendResetLink.ClickAsync();
        await Expect(Confirmation).ToBeVisibleAsync();
    }
}
