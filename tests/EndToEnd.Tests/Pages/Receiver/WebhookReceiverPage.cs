using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EndToEnd.Tests.Pages.Receiver;

/// <summary>
/// The development webhook receiver, a partner's own tool on an origin of its own: where an
/// endpoint's address points, the form that keeps the signing secret the portal showed once, and
/// the deliveries that arrived with what their signature check said.
/// </summary>
public sealed class WebhookReceiverPage(IPage page, Uri receiverUrl)
{
    public IPage Page => page;

    /// <summary>The address to register in the portal for this address name.</summary>
    public string AddressOf(string slug) => new Uri(receiverUrl, $"/hooks/{slug}").ToString();

    public ILocator Arrived => page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Row);

    public async Task OpenAsync()
    {
        await page.GotoAsync(receiverUrl.ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Webhook deliveries" })).ToBeVisibleAsync();
    }

    /// <summary>Pastes the secret the portal showed for the endpoint at this address name.</summary>
    public async Task SaveSecretAsync(string slug, string secret)
    {
        await OpenAsync();
        await page.GetByLabel("Address name (the part after /hooks/)").FillAsync(slug);
        await page.GetByLabel("Signing secret").FillAsync(secret);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save secret" }).ClickAsync();
        await Expect(page.GetByText($"/hooks/{slug}: a secret is set")).ToBeVisibleAsync();
    }

    /// <summary>
    /// Reloads until a delivery of this event type arrived at this address (deliveries leave the
    /// portal's outbox in the background, a moment after the action), and returns its row.
    /// </summary>
    public async Task<ILocator> WaitForArrivalAsync(string slug, string eventType)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        ILocator Row() => Arrived.Filter(new() { HasText = eventType }).Filter(new() { HasText = slug });
        await OpenAsync();
        while (await Row().CountAsync() == 0 && DateTime.UtcNow < deadline)
        {
            await page.WaitForTimeoutAsync(500);
            await OpenAsync();
        }

        await Expect(Row().First).ToBeVisibleAsync();
        return Row().First;
    }
}
