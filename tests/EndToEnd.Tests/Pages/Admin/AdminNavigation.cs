using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EndToEnd.Tests.Pages.Admin;

/// <summary>The admin area's left navigation, walked the way the seed tells partners to: Settings > Account Administration > Users > Manage Users.</summary>
public sealed class AdminNavigation(IPage page)
{
    private ILocator Nav => page.GetByRole(AriaRole.Navigation, new() { Name = "Admin" });

    public ILocator Link(string name) => Nav.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    public async Task<ManageUsersPage> OpenManageUsersAsync()
    {
        foreach (var step in new[] { "Settings", "Account Administration", "Users", "Manage Users" })
        {
            await Link(step).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = step, Exact = true, Level = 1 })).ToBeVisibleAsync();
        }

        var users = new ManageUsersPage(page);
        await users.WaitForRowsAsync();
        return users;
    }

    public async Task<AuditPage> OpenAuditAsync()
    {
        await Link("Audit").ClickAsync();
        var audit = new AuditPage(page);
        await Expect(audit.Heading).ToBeVisibleAsync();
        return audit;
    }
}
