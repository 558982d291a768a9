using Microsoft.Playwright;

namespace EndToEnd.Tests.Infrastructure;

/// <summary>A second person's browser: a context of its own, so nothing (cookies, storage, tokens) is shared with the test's main page.</summary>
public sealed record OtherBrowser(IBrowserContext Context, IPage Page) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Context.DisposeAsync();
}
