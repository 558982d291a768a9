using Microsoft.Playwright;

namespace EndToEnd.Tests.Infrastructure;

/// <summary>Each test gets a fresh browser context (no cookies, no storage) pointed at the portal.</summary>
[Collection(StackCollection.Name)]
public abstract class BrowserTest(StackFixture stack, BrowserFixture browser) : IAsyncLifetime
{
    protected StackFixture Stack { get; } = stack;

    protected IBrowserContext Context { get; private set; } = null!;

    protected IPage Page { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Context = await browser.Browser.NewContextAsync(ContextOptions());
        Context.SetDefaultTimeout(15_000);
        Assertions.SetDefaultExpectTimeout(15_000);
        Page = await Context.NewPageAsync();
    }

    public async Task DisposeAsync() => await Context.DisposeAsync();

    /// <summary>How the test's own browser is set up; a test may browse from elsewhere (another time zone, say).</summary>
    protected virtual BrowserNewContextOptions ContextOptions() => new() { BaseURL = Stack.PortalUrl.ToString() };

    /// <summary>Another person's browser on the same portal (dispose it when that person is done).</summary>
    protected async Task<OtherBrowser> OtherBrowserAsync()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Stack.PortalUrl.ToString() });
        context.SetDefaultTimeout(15_000);
        return new OtherBrowser(context, await context.NewPageAsync());
    }
}
