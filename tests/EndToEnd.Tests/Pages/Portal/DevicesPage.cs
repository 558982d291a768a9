using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EndToEnd.Tests.Pages.Portal;

/// <summary>`/portal/devices`: the user's devices with type, operating system, Online/Offline and last seen.</summary>
public sealed class DevicesPage(IPage page)
{
    public static readonly Regex Url = new(@"/portal/devices/?(\?.*)?$");

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Devices", Exact = true, Level = 1 });

    public ILocator Table => page.GetByRole(AriaRole.Table, new() { Name = "Devices", Exact = true });

    public ILocator RowOf(string name) =>
        Table.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }) });

    public async Task WaitForAsync()
    {
        await Expect(page).ToHaveURLAsync(Url);
        await Expect(Heading).ToBeVisibleAsync();
        await Expect(Table).ToBeVisibleAsync();
    }

    public async Task<DevicePage> OpenAsync(string name)
    {
        await RowOf(name).GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        var device = new DevicePage(page);
        await device.WaitForAsync(name);
        return device;
    }
}
