using System.Text.RegularExpressions;
using EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EndToEnd.Tests.Browser;

/// <summary>
/// The public login page is the door, not a diagnostic: no System status box, no database engine,
/// version, schema or count for anyone who has not even signed in. Operators find service state in
/// the admin area (/admin/status) and the Aspire dashboard.
/// </summary>
public sealed partial class PublicLoginPageTests(StackFixture stack, BrowserFixture browser) : JourneyTest(stack, browser)
{
    [Fact]
    public Task The_public_login_page_shows_no_system_status_engine_version_or_count_and_passes_the_accessibility_check() => JourneyAsync(async () =>
    {
        await PortalLogin.GotoAsync();
        // Whatever the page would fetch on its own has arrived before its text is read.
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await AssertAccessibleAsync("Public login page");

        await Expect(Page.GetByRole(AriaRole.Region, new() { Name = "System status" })).ToHaveCountAsync(0);
        await Expect(Page.GetByText("System status")).ToHaveCountAsync(0);
        var text = await Page.Locator("body").InnerTextAsync();
        var leaks = Diagnostics().Matches(text).Select(m => m.Value).Distinct().ToList();
        Assert.True(leaks.Count == 0, $"The public login page shows diagnostics: {string.Join(", ", leaks)}. Its text:\n{text}");
    });

    /// <summary>Engine names, schema/migration versions and counters as the old status box worded them.</summary>
    [GeneratedRegex(@"SQLite|SQL\s?Server|PostgreSQL|Redis|Garnet|\bschema\b|\bmigration\b|\bvisits?\b|\bversion\b|\d+\s*(users|partners|clients|end users)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Diagnostics();
}
