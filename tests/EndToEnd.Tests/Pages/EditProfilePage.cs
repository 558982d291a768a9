using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EndToEnd.Tests.Pages;

/// <summary>`/portal/profile`: legacy users change their password here.</summary>
public sealed class EditProfilePage(IPage page)
{
    public static readonly Regex Url = new(@"/portal/profile(\?|$)");

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Edit Profile" });

    public ILocator CurrentPassword => page.GetByLabel("Current password", new() { Exact = true });

    public ILocator NewPassword => page.GetByLabel("New password", new() { Exact = true });

    public ILocator ConfirmNewPassword => page.GetByLabel("Confirm new password", new() { Exact = true });

    public ILocator ChangePassword => page.GetByRole(AriaRole.Button, new() { Name = "Change password", Exact = true });

    /// <summary>Migrated users are pointed to Forgot Password on the SSO screen instead.</summary>
    public ILocator ForgotPassword => page.GetByRole(AriaRole.Link, new() { Name = "Forgot Password" });

    public async Task WaitForAsync()
    {
        await Expect(page).ToHaveURLAsync(Url);
        await Expect(Heading).ToBeVisibleAsync();
    }
}
