using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EndToEnd.Tests.Pages.Portal;

/// <summary>`/portal/devices/:deviceId`: one device's facts and the tickets about it; Open a ticket about this device.</summary>
public sealed class DevicePage(IPage page)
{
    public ILocator Heading(string name) => page.GetByRole(AriaRole.Heading, new() { Name = name, Exact = true, Level = 1 });

    public ILocator OpenATicketAboutThisDevice => page.GetByRole(AriaRole.Link, new() { Name = "Open a ticket about this device", Exact = true });

    public ILocator Tickets => page.GetByRole(AriaRole.Region, new() { Name = "Tickets about this device", Exact = true });

    public async Task WaitForAsync(string name)
    {
        await Expect(page).ToHaveURLAsync(new Regex(@"/portal/devices/[0-9a-f-]{36}(\?|$)"));
        await Expect(Heading(name)).ToBeVisibleAsync();
    }

    public async Task<NewTicketPage> StartTicketAsync()
    {
        await OpenATicketAboutThisDevice.ClickAsync();
        var form = new NewTicketPage(page);
        await form.WaitForAsync();
        return form;
    }
}
