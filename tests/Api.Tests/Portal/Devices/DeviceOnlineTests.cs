using Api.Portal.Devices;
using Api.Tests.Admin;

namespace Api.Tests.Portal.Devices;

/// <summary>A device is online while its agent checked in within the last few minutes, by the Api's clock; then offline, with no job flipping it.</summary>
[Collection(DeviceClockCollection.Name)]
public sealed class DeviceOnlineTests(DeviceClockApiFactory api)
{
    [Fact]
    public async Task A_device_goes_offline_when_its_agent_stays_silent_longer_than_the_online_window()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var user = await world.EndUserAsync();
        var now = api.Clock.GetUtcNow().UtcDateTime;
        var laptop = await DeviceRows.AddAsync(api.Services, world.Clients[0].Id, user.EndUserId, "QUIET-LAPTOP", now - DeviceTypes.OnlineWindow + TimeSpan.FromMinutes(1));
        await DeviceRows.AddAsync(api.Services, world.Clients[0].Id, user.EndUserId, "OLD-PHONE", now.AddDays(-3), DeviceTypes.Phone);
        var login = await world.SignInAsync(user);
        using var browser = new SsoDriver(api);

        var before = await login.GetAsync(browser, "/api/portal/devices");
        var detailBefore = await login.GetAsync(browser, $"/api/portal/devices/{laptop.Id}");
        api.Clock.Advance(TimeSpan.FromMinutes(2));
        var after = await login.GetAsync(browser, "/api/portal/devices");
        var detailAfter = await login.GetAsync(browser, $"/api/portal/devices/{laptop.Id}");

        Assert.Equal([("OLD-PHONE", false), ("QUIET-LAPTOP", true)], Online(before));
        Assert.True(detailBefore.Json!["online"]!.GetValue<bool>());
        Assert.Equal([("OLD-PHONE", false), ("QUIET-LAPTOP", false)], Online(after));
        Assert.False(detailAfter.Json!["online"]!.GetValue<bool>());
        // Last seen stays what the agent reported, in UTC for the browser to show in local time.
        Assert.EndsWith("Z", detailAfter.String("lastSeenAt"), StringComparison.Ordinal);
    }

    /// <summary>Each listed device's name and whether it is online.</summary>
    internal static (string, bool)[] Online(SsoResponse page) =>
        [.. page.Json!["items"]!.AsArray().Select(d => (d!["name"]!.GetValue<string>(), d["online"]!.GetValue<bool>()))];
}
