using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EndToEnd.Tests.Pages.Admin;

/// <summary>Settings > Account Administration > Users > Manage Users: the table, its filters, the row actions and their dialogs.</summary>
public sealed class ManageUsersPage(IPage page)
{
    public ILocator Table => page.GetByRole(AriaRole.Table, new() { Name = "End users" });

    /// <summary>The data rows (the header row holds column headers, not cells).</summary>
    public ILocator Rows => Table.Locator("tbody").GetByRole(AriaRole.Row);

    public ILocator Filter(string label) => page.GetByRole(AriaRole.Search, new() { Name = "Filter end users" }).GetByLabel(label, new() { Exact = true });

    public ILocator Search => Filter("Search");

    public ILocator Pager => page.GetByRole(AriaRole.Navigation, new() { Name = "Pages" });

    public ILocator Notice => page.GetByRole(AriaRole.Status).Or(page.GetByRole(AriaRole.Alert));

    public ILocator Dialog => page.GetByRole(AriaRole.Dialog);

    public ILocator ExportCsv => page.GetByRole(AriaRole.Button, new() { Name = "Export CSV" });

    /// <summary>The row's Actions button: the actions other than Details are in its menu.</summary>
    public ILocator ActionsOf(string name) => page.GetByRole(AriaRole.Button, new() { Name = $"Actions for {name}", Exact = true });

    public ILocator Menu => page.GetByRole(AriaRole.Menu);

    /// <summary>Opens the row's Actions menu and picks one: "Disable", "Reset MFA", "Resend activation", "Send reminder", "Ask again"…</summary>
    public async Task RowActionAsync(string name, string action)
    {
        await ActionsOf(name).ClickAsync();
        await Menu.GetByRole(AriaRole.Menuitem, new() { Name = action, Exact = true }).ClickAsync();
    }

    public ILocator RowOf(string name) => Rows.Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = name, Exact = true }) });

    public async Task WaitForRowsAsync()
    {
        await Expect(Table).ToBeVisibleAsync();
        await Expect(Table).ToHaveAttributeAsync("aria-busy", "false");
    }

    /// <summary>
    /// Picks a filter value and waits for the Api's answer to the filtered list (the filter goes
    /// into the page's URL and from there into the query) and for the table to show it.
    /// </summary>
    public async Task FilterAsync(string label, string option, Regex urlPart)
    {
        await WhileListingAsync(() => Filter(label).SelectOptionAsync(new SelectOptionValue { Label = option }), urlPart);
        await Expect(page).ToHaveURLAsync(urlPart);
    }

    public Task SearchAsync(string text) =>
        WhileListingAsync(() => Search.FillAsync(text), new Regex(text.Length == 0 ? "^(?!.*search=)" : "search=" + Regex.Escape(Uri.EscapeDataString(text))));

    private async Task WhileListingAsync(Func<Task> change, Regex query)
    {
        await page.RunAndWaitForResponseAsync(change, response =>
            response.Url.Contains("/api/admin/end-users?", StringComparison.Ordinal) && query.IsMatch(response.Url));
        await WaitForRowsAsync();
    }

    /// <summary>"Page 1 of 3 · 120 end users" → 120.</summary>
    public async Task<int> TotalAsync()
    {
        await Expect(Pager).ToContainTextAsync(new Regex(@"\d+ end users?"));
        var text = await Pager.InnerTextAsync();
        return int.Parse(Regex.Match(text, @"(\d+) end users?").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task OpenAddEndUserAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Add end user", Exact = true }).ClickAsync();
        await Expect(Dialog).ToBeVisibleAsync();
    }

    /// <summary>Fills the open Add end user dialog and submits it; the dialog closes.</summary>
    public async Task SubmitNewEndUserAsync(string client, string name, string email)
    {
        await Dialog.GetByLabel("Client", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = client });
        await Dialog.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await Dialog.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await Dialog.GetByRole(AriaRole.Button, new() { Name = "Add end user", Exact = true }).ClickAsync();
        await Expect(Dialog).ToHaveCountAsync(0);
    }

    /// <summary>A row action that asks for confirmation (Delete, Reset MFA): pick it in the row's menu, then confirm in the dialog.</summary>
    public async Task ConfirmAsync(string name, string action, string confirmButton)
    {
        await RowActionAsync(name, action);
        await ConfirmDialogAsync(confirmButton);
    }

    /// <summary>Confirms the open dialog (after its sentences were read) and waits for it to close.</summary>
    public async Task ConfirmDialogAsync(string confirmButton)
    {
        await Expect(Dialog).ToBeVisibleAsync();
        await Dialog.GetByRole(AriaRole.Button, new() { Name = confirmButton, Exact = true }).ClickAsync();
        await Expect(Dialog).ToHaveCountAsync(0);
    }

    /// <summary>A badge in the row, e.g. how the user passes the second step: "Passkey", "Authenticator app".</summary>
    public ILocator BadgeOf(string name, string badge) =>
        RowOf(name).Locator(".badge", new() { HasTextRegex = new Regex($"^{Regex.Escape(badge)}$") });

    /// <summary>Export CSV → the downloaded file's lines (header first).</summary>
    public async Task<string[]> ExportAsync()
    {
        var download = await page.RunAndWaitForDownloadAsync(() => ExportCsv.ClickAsync());
        var path = await download.PathAsync();
        return (await File.ReadAllLinesAsync(path)).Where(line => line.Length > 0).ToArray();
    }
}
