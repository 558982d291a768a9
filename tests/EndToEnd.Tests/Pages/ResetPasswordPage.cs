using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EndToEnd.Tests.Pages;

/// <summary>`/sso/reset-password?token=…`: sets a new password from the link in the reset e-mail.</summary>
public sealed class ResetPasswordPage(IPage page)
{
    public static readonly Regex Url = new(@"/sso/reset-password\?");

    public ILocator NewPassword => page.GetByLabel("New password", new() { Exact = true });

    public ILocator ConfirmNewPassword => page.GetByLabel("Confirm new password", new() { Exact = true });

    public ILocator SetNewPassword => page.GetByRole(AriaRole.Button, new() { Name = "Set new password", Exact = true });

    public ILocator Alert => page.GetByRole(AriaRole.Alert);

    public ILocator Confirmation =>
        page.GetByRole(AriaRole.Status).Filter(new() { HasTextRegex = new Regex("password", RegexOptions.IgnoreCase) });

    /// <summary>Opens the link exactly as it came in the e-mail.</summary>
    public async Task OpenAsync(Uri link)
    {
        await page.GotoAsync(link.ToString());
        await Expect(page).ToHaveURLAsync(Url);
        await Expect(NewPassword).ToBeVisibleAsync();
    }

    public async Task SubmitAsync(string newPassword)
    {
        await NewPassword.FillAsync(newPassword);
        await ConfirmNewPassword.FillAsync(newPassword);
        await SetNewPassword.ClickAsync();
    }
}
