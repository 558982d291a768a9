using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EndToEnd.Tests.Pages.Admin;

/// <summary>System status (`/admin/status`), operators only: the service state that left the public pages.</summary>
public sealed class SystemStatusPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "System status", Exact = true, Level = 1 });

    public ILocator Main => page.GetByRole(AriaRole.Main);

    public async Task OpenAsync()
    {
        await new AdminNavigation(page).Link("System status").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/admin/status"));
        await Expect(Heading).ToBeVisibleAsync();
    }
}
