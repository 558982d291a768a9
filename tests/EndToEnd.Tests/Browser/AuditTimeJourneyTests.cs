using System.Globalization;
using System.Text.RegularExpressions;
using EndToEnd.Tests.Infrastructure;
using EndToEnd.Tests.Pages.Admin;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EndToEnd.Tests.Browser;

/// <summary>
/// Issue 18's "time once", in a browser that is not on UTC: a partner admin in New York adds an
/// end user; the Audit page shows when on New York's clock, and its CSV the same instant in UTC.
/// </summary>
public sealed class AuditTimeJourneyTests(StackFixture stack, BrowserFixture browser) : JourneyTest(stack, browser)
{
    private const string NewYork = "America/New_York";

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    protected override BrowserNewContextOptions ContextOptions()
    {
        var options = base.ContextOptions();
        options.TimezoneId = NewYork;
        options.Locale = English.Name;
        return options;
    }

    [Fact]
    public Task A_partner_admin_in_New_York_reads_an_audit_entrys_time_on_New_Yorks_clock() => JourneyAsync(async () =>
    {
        await SignInToAdminAreaAsync(Page, DevelopmentAccounts.PaulaAdmin);
        var users = await new AdminNavigation(Page).OpenManageUsersAsync();
        var stamp = DateTime.UtcNow.ToString("HHmmssfff", CultureInfo.InvariantCulture);
        var name = $"Tess Timezone {stamp}";

        var before = DateTimeOffset.UtcNow;
        await users.OpenAddEndUserAsync();
        await users.SubmitNewEndUserAsync("Northwind Traders", name, $"tess.{stamp}@northwind.test");
        await Expect(users.Notice).ToContainTextAsync(name);
        var after = DateTimeOffset.UtcNow;

        // The page: the instant on New York's clock (five hours behind UTC in December, four in summer).
        var audit = await new AdminNavigation(Page).OpenAuditAsync();
        var entry = audit.Entry("End user added", name);
        await Expect(entry).ToBeVisibleAsync();
        var shown = Regex.Replace(await AuditPage.TimeOf(entry).InnerTextAsync(), @"\s+", " ").Trim();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(NewYork);
        var inNewYork = new[] { before, after }.Select(t => OnClock(t, zone)).Distinct().ToList();
        Assert.Contains(shown, inNewYork);

        // The CSV: the same instant, in UTC.
        var row = Assert.Single(await audit.ExportAsync(), line => line.Contains(name, StringComparison.Ordinal));
        var time = row.Split(',')[0];
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", time);
        var exported = DateTimeOffset.Parse(time, CultureInfo.InvariantCulture);
        Assert.InRange(exported, before.AddSeconds(-1), after);
        Assert.Equal(shown, OnClock(exported, zone));
    });

    /// <summary>An instant as the SPA shows it to an English reader in <paramref name="zone"/>, e.g. "Dec 6, 2026, 3:40 AM".</summary>
    private static string OnClock(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("MMM d, yyyy, h:mm tt", English);
}
