using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EndToEnd.Tests.Pages.Admin;

/// <summary>
/// Settings > Webhooks (`/admin/settings/webhooks`), partner admins: the endpoints that receive the
/// partner's signed events, the secret shown once after adding one, and each endpoint's page with
/// its delivery log.
/// </summary>
public sealed class WebhooksPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Webhooks", Exact = true, Level = 1 });

    public ILocator Endpoints => page.GetByRole(AriaRole.Table, new() { Name = "Webhook endpoints" }).GetByRole(AriaRole.Row);

    public ILocator DeliveryLog => page.GetByRole(AriaRole.Table, new() { Name = "Delivery log" }).GetByRole(AriaRole.Row);

    public async Task OpenAsync()
    {
        var navigation = new AdminNavigation(page);
        await navigation.Link("Settings").ClickAsync();
        await navigation.Link("Webhooks").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/admin/settings/webhooks"));
        await Expect(Heading).ToBeVisibleAsync();
    }

    /// <summary>Adds an endpoint for these events and returns the signing secret the page shows this once.</summary>
    public async Task<string> AddEndpointAsync(string url, string description, params string[] events)
    {
        await page.GetByLabel("Endpoint URL").FillAsync(url);
        await page.GetByLabel("Description").FillAsync(description);
        foreach (var type in events)
        {
            await page.GetByRole(AriaRole.Checkbox, new() { Name = type, Exact = true }).CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Add endpoint" }).ClickAsync();
        var secret = page.GetByLabel("Secret", new() { Exact = true });
        await Expect(secret).ToHaveTextAsync(new Regex("^whsec_"));
        var text = await secret.InnerTextAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "I have saved it" }).ClickAsync();
        return text.Trim();
    }

    /// <summary>Opens an endpoint's own page (its delivery log) from the list.</summary>
    public async Task OpenEndpointAsync(string url)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = url, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Delivery log" })).ToBeVisibleAsync();
    }

    /// <summary>
    /// Reloads the endpoint's page until its delivery log has a row for this event type in this
    /// state ("Delivered", "Failed"): deliveries leave in the background.
    /// </summary>
    public async Task<ILocator> WaitForLogRowAsync(string eventType, string status)
    {
        ILocator Row() => DeliveryLog.Filter(new() { HasText = eventType }).Filter(new() { HasText = status });
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (await Row().CountAsync() == 0 && DateTime.UtcNow < deadline)
        {
            await page.WaitForTimeoutAsync(500);
            await page.ReloadAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Delivery log" })).ToBeVisibleAsync();
        }

        await Expect(Row().First).ToBeVisibleAsync();
        return Row().First;
    }
}
