using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EndToEnd.Tests.Pages.Admin;

/// <summary>The operator's migration console: the batch list, Create batch, and one batch's page (readiness, run, progress).</summary>
public sealed class MigrationConsolePage(IPage page)
{
    public ILocator Heading(string name) => page.GetByRole(AriaRole.Heading, new() { Name = name, Exact = true, Level = 1 });

    public ILocator ReadinessTable => page.GetByRole(AriaRole.Table, new() { Name = "Users to look at" });

    public ILocator Percent => page.Locator(".progress-line .percent");

    public ILocator Dialog => page.GetByRole(AriaRole.Dialog);

    public async Task OpenAsync()
    {
        await new AdminNavigation(page).Link("Migration").ClickAsync();
        await Expect(Heading("Migration")).ToBeVisibleAsync();
    }

    /// <summary>Create batch: a name, one client, a day and time in the browser's time zone; lands on the batch's page.</summary>
    public async Task CreateAsync(string name, string client, DateOnly day, string time)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Create batch", Exact = true }).ClickAsync();
        await Expect(Heading("Create batch")).ToBeVisibleAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByRole(AriaRole.Checkbox, new() { NameRegex = new Regex("^" + Regex.Escape(client) + @"\b") }).CheckAsync();
        await page.GetByLabel("Date", new() { Exact = true }).FillAsync(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Time", new() { Exact = true }).FillAsync(time);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create batch", Exact = true }).ClickAsync();
        await Expect(Heading(name)).ToBeVisibleAsync();
    }

    public async Task CheckReadinessAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Check readiness", Exact = true }).ClickAsync();
        await Expect(ReadinessTable).ToBeVisibleAsync();
    }

    public ILocator ReadinessRow(string email) => ReadinessTable.GetByRole(AriaRole.Row).Filter(new() { HasText = email });

    /// <summary>
    /// Run now on a batch whose partners were told its date: the dialog says that the two weeks'
    /// notice is broken, and the operator confirms with "Run now and e-mail the partners".
    /// </summary>
    public async Task RunNowBreakingTheNoticeAsync()
    {
        await page.GetByRole(AriaRole.Group, new() { Name = "Batch actions" }).GetByRole(AriaRole.Button, new() { Name = "Run now", Exact = true }).ClickAsync();
        await Expect(Dialog).ToBeVisibleAsync();
        await Expect(Dialog.GetByRole(AriaRole.Alert)).ToContainTextAsync("breaks the two weeks' notice");
        await Dialog.GetByRole(AriaRole.Button, new() { Name = "Run now and e-mail the partners", Exact = true }).ClickAsync();
        await Expect(Dialog).ToHaveCountAsync(0);
    }
}
