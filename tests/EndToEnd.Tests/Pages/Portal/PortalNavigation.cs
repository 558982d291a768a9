using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EndToEnd.Tests.Pages.Portal;

/// <summary>The portal's banner: the partner's logo and name, and the navigation Home, Tickets, Devices, Help, Edit Profile, Log out.</summary>
public sealed class PortalNavigation(IPage page)
{
    public ILocator Nav => page.GetByRole(AriaRole.Navigation, new() { Name = "Portal" });

    public ILocator Banner => page.GetByRole(AriaRole.Banner);

    public ILocator Link(string name) => Nav.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    /// <summary>The partner's logo: its alternative text is the partner's name.</summary>
    public ILocator Logo(string partnerName) => Banner.GetByRole(AriaRole.Img, new() { Name = partnerName, Exact = true });

    public async Task<TicketsPage> OpenTicketsAsync()
    {
        await Link("Tickets").ClickAsync();
        var tickets = new TicketsPage(page);
        await tickets.WaitForAsync();
        return tickets;
    }

    public async Task<DevicesPage> OpenDevicesAsync()
    {
        await Link("Devices").ClickAsync();
        var devices = new DevicesPage(page);
        await devices.WaitForAsync();
        return devices;
    }

    public async Task<HelpPage> OpenHelpAsync()
    {
        await Link("Help").ClickAsync();
        var help = new HelpPage(page);
        await Expect(help.Heading).ToBeVisibleAsync();
        return help;
    }
}
