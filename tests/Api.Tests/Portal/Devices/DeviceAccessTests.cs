using System.Net;
using Api.Portal.Devices;
using Api.Tests.Admin;
using Api.Tests.Sso;
using Api.Tests.Sweeps;

namespace Api.Tests.Portal.Devices;

/// <summary>
/// Who sees which device: an end user their own, a client manager every device of their client
/// (the shared server too), nobody another client's. A device out of sight answers 404 with a
/// sentence, exactly like an id that does not exist.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class DeviceAccessTests(SsoApiFactory api)
{
    [Fact]
    [Trait("ASVS", "4.2.1")]
    public async Task An_end_user_sees_their_own_devices_and_a_client_manager_the_whole_clients()
    {
        var office = await Office.CreateAsync(api);

        var anna = await office.DeviceNamesAsync(office.Anna);
        var manager = await office.DeviceNamesAsync(office.Manager);

        Assert.Equal(["ANNA-LAPTOP"], anna);
        Assert.Equal(["ANNA-LAPTOP", "BEN-LAPTOP", "SHARED-SRV"], manager);
    }

    [Fact]
    [Trait("ASVS", "4.2.1")]
    public async Task A_colleagues_device_a_shared_device_and_another_clients_device_answer_404()
    {
        var office = await Office.CreateAsync(api);
        using var browser = new SsoDriver(api);

        var own = await office.Anna.GetAsync(browser, $"/api/portal/devices/{office.AnnaLaptop.Id}");
        var colleagues = await office.Anna.GetAsync(browser, $"/api/portal/devices/{office.BenLaptop.Id}");
        var shared = await office.Anna.GetAsync(browser, $"/api/portal/devices/{office.Server.Id}");
        var otherClient = await office.Manager.GetAsync(browser, $"/api/portal/devices/{office.ElsewhereLaptop.Id}");
        var unknown = await office.Manager.GetAsync(browser, $"/api/portal/devices/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.OK, own.Status);
        Assert.Equal("ANNA-LAPTOP", own.String("name"));
        foreach (var refused in new[] { colleagues, shared, otherClient, unknown })
        {
            Assert.Equal(HttpStatusCode.NotFound, refused.Status);
            Assert.True(refused.IsProblem, refused.ToString());
            Assert.Equal("We could not find that device.", refused.Detail);
        }

        // Nothing tells a refused id from one that does not exist.
        Assert.Equal(unknown.BodyWithout("traceId"), colleagues.BodyWithout("traceId"));
    }

    [Fact]
    public async Task A_client_manager_opens_a_colleagues_device_and_the_shared_server()
    {
        var office = await Office.CreateAsync(api);
        using var browser = new SsoDriver(api);

        var colleagues = await office.Manager.GetAsync(browser, $"/api/portal/devices/{office.BenLaptop.Id}");
        var shared = await office.Manager.GetAsync(browser, $"/api/portal/devices/{office.Server.Id}");

        Assert.Equal(HttpStatusCode.OK, colleagues.Status);
        Assert.Equal(office.BenName, colleagues.String("assignedToName"));
        Assert.Equal(HttpStatusCode.OK, shared.Status);
        Assert.Equal(DeviceTypes.Server, shared.String("type"));
        Assert.Null(shared.Json!["assignedToName"]);
    }

    [Fact]
    [Trait("ASVS", "4.2.1")]
    public async Task A_devices_page_lists_only_the_tickets_about_it_the_caller_may_see()
    {
        var office = await Office.CreateAsync(api);
        await DeviceRows.AddTicketAsync(api.Services, office.AnnaLaptop, office.AnnaId, "Anna's screen flickers");
        await DeviceRows.AddTicketAsync(api.Services, office.AnnaLaptop, office.ManagerId, "Replace Anna's battery");
        await DeviceRows.AddTicketAsync(api.Services, office.BenLaptop, office.ManagerId, "Ben's keyboard");
        using var browser = new SsoDriver(api);

        var anna = await office.Anna.GetAsync(browser, $"/api/portal/devices/{office.AnnaLaptop.Id}");
        var manager = await office.Manager.GetAsync(browser, $"/api/portal/devices/{office.AnnaLaptop.Id}");

        Assert.Equal(["Anna's screen flickers"], Subjects(anna));
        Assert.Equal(["Anna's screen flickers", "Replace Anna's battery"], Subjects(manager).Order(StringComparer.Ordinal));
        var ticket = anna.Json!["tickets"]![0]!;
        Assert.Equal("ANNA-LAPTOP", ticket["deviceName"]!.GetValue<string>());
        Assert.Matches("^T-[0-9A-F]{8}$", ticket["reference"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_device_list_pages_and_refuses_a_page_that_is_not_a_number()
    {
        var office = await Office.CreateAsync(api);
        using var browser = new SsoDriver(api);

        var first = await office.Manager.GetAsync(browser, "/api/portal/devices?page=1&pageSize=2");
        var second = await office.Manager.GetAsync(browser, "/api/portal/devices?page=2&pageSize=2");
        var wrong = await office.Manager.GetAsync(browser, "/api/portal/devices?page=abc");

        Assert.Equal(3, first.Json!["total"]!.GetValue<int>());
        Assert.Equal(["ANNA-LAPTOP", "BEN-LAPTOP"], Names(first));
        Assert.Equal(["SHARED-SRV"], Names(second));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.True(MalformedInputSweep.HasSentence(wrong), wrong.ToString());
    }

    private static string[] Subjects(SsoResponse device) =>
        [.. device.Json!["tickets"]!.AsArray().Select(t => t!["subject"]!.GetValue<string>())];

    internal static string[] Names(SsoResponse page) =>
        [.. page.Json!["items"]!.AsArray().Select(d => d!["name"]!.GetValue<string>())];

    /// <summary>
    /// One client with Anna, her colleague Ben and a client manager (and their devices, and a shared
    /// server), and another client of the same partner with a device of its own.
    /// </summary>
    private sealed record Office(
        SsoApiFactory Api,
        Guid AnnaId,
        Guid ManagerId,
        StaffLogin Anna,
        StaffLogin Manager,
        string BenName,
        Device AnnaLaptop,
        Device BenLaptop,
        Device Server,
        Device ElsewhereLaptop)
    {
        public static async Task<Office> CreateAsync(SsoApiFactory api)
        {
            var world = await AdminWorld.CreateAsync(api.Services);
            var anna = await world.EndUserAsync();
            var ben = await world.EndUserAsync();
            var manager = await world.EndUserAsync();
            var elsewhere = await world.EndUserAsync(client: world.Clients[1]);
            await DeviceRows.MakeClientManagerAsync(api.Services, manager.EndUserId);
            var now = DateTime.UtcNow;
            var client = world.Clients[0].Id;
            return new Office(
                api,
                anna.EndUserId,
                manager.EndUserId,
                await world.SignInAsync(anna),
                await world.SignInAsync(manager),
                ben.DisplayName,
                await DeviceRows.AddAsync(api.Services, client, anna.EndUserId, "ANNA-LAPTOP", now),
                await DeviceRows.AddAsync(api.Services, client, ben.EndUserId, "BEN-LAPTOP", now),
                await DeviceRows.AddAsync(api.Services, client, null, "SHARED-SRV", now, DeviceTypes.Server),
                await DeviceRows.AddAsync(api.Services, world.Clients[1].Id, elsewhere.EndUserId, "ELSEWHERE-LAPTOP", now));
        }

        public async Task<string[]> DeviceNamesAsync(StaffLogin caller)
        {
            using var browser = new SsoDriver(Api);
            var page = await caller.GetAsync(browser, "/api/portal/devices");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            return Names(page);
        }
    }
}
