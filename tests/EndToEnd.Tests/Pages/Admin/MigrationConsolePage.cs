using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EndToEnd.Tests.Pages.Admin;

/// <summary>The operator's migration console: the batch list, Create batch, one batch's page (readiness, run, progress), Run reminders now.</summary>
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

    /// <summary>One of the batch page's facts (the definition next to its term).</summary>
    public ILocator Fact(string term) => page.Locator("dt", new() { HasTextRegex = new Regex("^" + Regex.Escape(term) + "$") }).Locator("xpath=following-sibling::dd[1]");

    public ILocator ResultRow(string email) =>
        page.GetByRole(AriaRole.Table, new() { Name = "Results" }).GetByRole(AriaRole.Row).Filter(new() { HasText = email });

    /// <summary>
    /// Create batch: a name, one client, a day and time in the browser's time zone, and when given the
    /// day and time from which users move early by logging in (mixed mode); lands on the batch's page.
    /// </summary>
    public async Task CreateAsync(string name, string client, DateOnly day, string time, (DateOnly Day, string Time)? earlyMovesFrom = null)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Create batch", Exact = true }).ClickAsync();
        await Expect(Heading("Create batch")).ToBeVisibleAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByRole(AriaRole.Checkbox, new() { NameRegex = new Regex("^" + Regex.Escape(client) + @"\b") }).CheckAsync();
        await page.GetByLabel("Date", new() { Exact = true }).FillAsync(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Time", new() { Exact = true }).FillAsync(time);
        if (earlyMovesFrom is var (earlyDay, earlyTime))
        {
            await page.GetByRole(AriaRole.Checkbox, new() { Name = "Let users move early by logging in" }).CheckAsync();
            await page.GetByLabel("Early-move date", new() { Exact = true }).FillAsync(earlyDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await page.GetByLabel("Early-move time", new() { Exact = true }).FillAsync(earlyTime);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Create batch", Exact = true }).ClickAsync();
        await Expect(Heading(name)).ToBeVisibleAsync();
    }

    /// <summary>From the batch list to one batch's page.</summary>
    public async Task OpenBatchAsync(string name)
    {
        await OpenAsync();
        // The batches table, not the Timeline below it, which links each batch too.
        await page.GetByRole(AriaRole.Table, new() { Name = "Batches" }).GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        await Expect(Heading(name)).ToBeVisibleAsync();
    }

    public async Task CheckReadinessAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Check readiness", Exact = true }).ClickAsync();
        await Expect(ReadinessTable).ToBeVisibleAsync();
    }

    public ILocator ReadinessRow(string email) => ReadinessTable.GetByRole(AriaRole.Row).Filter(new() { HasText = email });

    /// <summary>The Migration page's Reminders section (its settings, Run reminders now in Development, what a run sent).</summary>
    public ILocator Reminders => page.GetByRole(AriaRole.Region, new() { Name = "Reminders", Exact = true });

    /// <summary>Run reminders now (Development): mails the users still stuck as if days had passed; returns "Sent 2 reminders and 1 digest."</summary>
    public async Task<string> RunRemindersNowAsync()
    {
        await Reminders.GetByRole(AriaRole.Button, new() { Name = "Run reminders now", Exact = true }).ClickAsync();
        var sent = Reminders.GetByRole(AriaRole.Status).Filter(new() { HasTextRegex = new Regex("^Sent ") });
        await Expect(sent).ToBeVisibleAsync();
        return (await sent.TextContentAsync())!.Trim();
    }

    public async Task RunNowAsync()
    {
        await page.GetByRole(AriaRole.Group, new() { Name = "Batch actions" }).GetByRole(AriaRole.Button, new() { Name = "Run now", Exact = true }).ClickAsync();
        await Expect(Dialog).ToBeVisibleAsync();
        await Dialog.GetByRole(AriaRole.Button, new() { Name = "Run now", Exact = true }).ClickAsync();
        await Expect(Dialog).ToHaveCountAsync(0);
    }

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
