using EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EndToEnd.Tests.Browser;

public sealed class SystemStatusTests(StackFixture stack, BrowserFixture browser) : BrowserTest(stack, browser)
{
    [Fact]
    public async Task The_portal_page_shows_facts_that_came_through_api_sql_and_cache()
    {
        await Page.GotoAsync("/");

        var status = Page.GetByRole(AriaRole.Region, new() { Name = "System status" });
        await Expect(status.GetByTestId("status-database")).ToHaveTextAsync("SQLite");
        await Expect(status.GetByTestId("status-partners")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[1-9][0-9]*$"));
        var visits = long.Parse(await status.GetByTestId("status-visits").InnerTextAsync());

        // Each look at the page counts one visit in the cache: a reload must show a higher number.
        await Page.ReloadAsync();
        await Expect(status.GetByTestId("status-visits")).Not.ToHaveTextAsync(visits.ToString());
        Assert.True(long.Parse(await status.GetByTestId("status-visits").InnerTextAsync()) > visits);
    }
}
