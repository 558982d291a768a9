using EndToEnd.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EndToEnd.Tests.Browser;

public sealed class SystemStatusTests(StackFixture stack, BrowserFixture browser) : BrowserTest(stack, browser)
{
    [Fact]
    public async Task The_portal_page_says_the_service_is_up_once_api_sql_and_cache_answered()
    {
        await Page.GotoAsync("/");

        // The anonymous status says only up or down (engines and counts are for operators).
        var status = Page.GetByRole(AriaRole.Region, new() { Name = "System status" });
        await Expect(status.GetByTestId("status-service")).ToHaveTextAsync("All services are up.");
        await Expect(status).Not.ToContainTextAsync("SQLite");
    }
}
