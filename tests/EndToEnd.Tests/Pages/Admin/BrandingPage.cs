using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EndToEnd.Tests.Pages.Admin;

/// <summary>Settings > Branding (`/admin/settings/branding`), partner admins: colour, logo and the support contact end users see.</summary>
public sealed class BrandingPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Branding", Exact = true, Level = 1 });

    public async Task OpenAsync()
    {
        var navigation = new AdminNavigation(page);
        await navigation.Link("Settings").ClickAsync();
        await navigation.Link("Branding").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/admin/settings/branding"));
        await Expect(Heading).ToBeVisibleAsync();
    }
}
