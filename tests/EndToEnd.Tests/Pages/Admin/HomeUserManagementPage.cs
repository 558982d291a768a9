using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EndToEnd.Tests.Pages.Admin;

/// <summary>
/// Home > User Management (`/admin/home/user-management`): the partner's SSO accounts — its staff, and
/// end users linked to an SSO account that holds another product's roles — with their roles per product.
/// </summary>
public sealed class HomeUserManagementPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "User Management", Exact = true, Level = 1 });

    public ILocator Table => page.GetByRole(AriaRole.Table, new() { Name = "People on Single Sign-On" });

    /// <summary>The data rows (the header row holds column headers, not cells).</summary>
    public ILocator Rows => Table.Locator("tbody").GetByRole(AriaRole.Row);

    /// <summary>A person's row, found by e-mail (names need not be unique, e-mails are).</summary>
    public ILocator RowOf(string email) => Rows.Filter(new() { HasText = email });

    public ILocator Dialog => page.GetByRole(AriaRole.Dialog);

    public ILocator Notice => page.GetByRole(AriaRole.Status).Or(page.GetByRole(AriaRole.Alert));

    /// <summary>Edit roles → the person's dialog for one product, its checkbox per role the partner may give.</summary>
    public async Task OpenEditRolesAsync(string name, string productName)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = $"Edit roles of {name} in the {productName}", Exact = true }).ClickAsync();
        await Expect(Dialog).ToBeVisibleAsync();
    }

    /// <summary>Ticks or clears a role in the open dialog and saves; the dialog closes.</summary>
    public async Task SetRoleAsync(string role, bool held)
    {
        await Dialog.GetByRole(AriaRole.Checkbox, new() { Name = role, Exact = true }).SetCheckedAsync(held);
        await Dialog.GetByRole(AriaRole.Button, new() { Name = "Save roles", Exact = true }).ClickAsync();
        await Expect(Dialog).ToHaveCountAsync(0);
    }

    /// <summary>Walks the admin navigation the way the seed tells partners to: Home > User Management.</summary>
    public async Task OpenAsync()
    {
        var navigation = new AdminNavigation(page);
        await navigation.Link("Home").ClickAsync();
        await navigation.Link("User Management").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/admin/home/user-management"));
        await Expect(Heading).ToBeVisibleAsync();
        await Expect(Rows.First).ToBeVisibleAsync();
    }
}
