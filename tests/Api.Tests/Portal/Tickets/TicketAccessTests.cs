using Api.Data;
using System.Net;
using Api.Portal;
using Api.Tests.Admin;
using Api.Tests.Sso;

namespace Api.Tests.Portal.Tickets;

/// <summary>
/// Who sees which ticket: an end user their own; a client manager the whole client's; nobody
/// another client's. Someone else's ticket, comment or attachment answers 404 as if it did not exist.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class TicketAccessTests(SsoApiFactory api)
{
    [Fact]
    [Trait("ASVS", "4.2.1")]
    public async Task A_colleagues_ticket_and_its_attachment_answer_404_and_stay_out_of_the_list()
    {
        var world = await TicketWorld.CreateAsync(api.Services);
        var nora = await world.EndUserAsync();
        var colleague = await world.EndUserAsync();
        var (ticketId, attachmentId) = await world.Admin.TicketAsync(colleague.Id);
        using var browser = new SsoDriver(api);

        var answers = new[]
        {
            await nora.Login.GetAsync(browser, $"/api/portal/tickets/{ticketId}"),
            await nora.Login.GetAsync(browser, $"/api/portal/tickets/{ticketId}/attachments/{attachmentId}"),
            await nora.Login.PostAsync(browser, $"/api/portal/tickets/{ticketId}/comments", new { body = "Mine now?" }),
            await nora.Login.PostAsync(browser, $"/api/portal/tickets/{ticketId}/close"),
        };
        var list = await nora.Login.GetAsync(browser, "/api/portal/tickets?status=all");

        Assert.All(answers, a =>
        {
            Assert.Equal(HttpStatusCode.NotFound, a.Status);
            Assert.True(a.IsProblem);
            Assert.StartsWith("We could not find that", a.Detail, StringComparison.Ordinal);
        });
        Assert.Equal(0, list.Json!["total"]!.GetValue<int>());
        Assert.Equal("Open", (await colleague.Login.GetAsync(browser, $"/api/portal/tickets/{ticketId}")).String("status"));
    }

    [Fact]
    [Trait("ASVS", "4.2.1")]
    public async Task A_client_manager_sees_and_answers_the_clients_tickets_but_not_another_clients()
    {
        var world = await TicketWorld.CreateAsync(api.Services);
        var manager = await world.EndUserAsync(role: EndUserRoles.ClientManager);
        var colleague = await world.EndUserAsync();
        var outsider = await world.EndUserAsync(world.Admin.Clients[1]);
        var (colleagues, _) = await world.Admin.TicketAsync(colleague.Id);
        var (outsiders, _) = await world.Admin.TicketAsync(outsider.Id, world.Admin.Clients[1]);
        using var browser = new SsoDriver(api);

        var list = await manager.Login.GetAsync(browser, "/api/portal/tickets");
        var comment = await manager.Login.PostAsync(browser, $"/api/portal/tickets/{colleagues}/comments", new { body = "I'll look at it." });
        var other = await manager.Login.GetAsync(browser, $"/api/portal/tickets/{outsiders}");

        Assert.Equal(1, list.Json!["total"]!.GetValue<int>());
        Assert.Equal(colleagues.ToString(), list.Json["items"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, comment.Status);
        Assert.Equal(manager.User.DisplayName, comment.String("authorName"));
        Assert.Equal(HttpStatusCode.NotFound, other.Status);
    }

    [Fact]
    [Trait("ASVS", "4.2.1")]
    public async Task A_ticket_cannot_name_a_colleagues_or_another_clients_device_but_a_manager_may_name_a_shared_one()
    {
        var world = await TicketWorld.CreateAsync(api.Services);
        var nora = await world.EndUserAsync();
        var manager = await world.EndUserAsync(role: EndUserRoles.ClientManager);
        var colleague = await world.EndUserAsync();
        var colleaguesLaptop = await world.DeviceAsync(world.Admin.Clients[0], colleague.Id);
        var sharedServer = await world.DeviceAsync(world.Admin.Clients[0], null, "FILESERVER");
        var otherClients = await world.DeviceAsync(world.Admin.Clients[1], null);
        using var browser = new SsoDriver(api);

        var refused = new[]
        {
            await nora.Login.OpenAsync(browser, deviceId: colleaguesLaptop),
            await nora.Login.OpenAsync(browser, deviceId: sharedServer),
            await manager.Login.OpenAsync(browser, deviceId: otherClients),
        };
        var managers = await manager.Login.OpenAsync(browser, deviceId: sharedServer);

        Assert.All(refused, r =>
        {
            Assert.Equal(HttpStatusCode.BadRequest, r.Status);
            Assert.NotNull(r.Errors?["deviceId"]);
        });
        Assert.Equal(HttpStatusCode.Created, managers.Status);
        Assert.Equal("FILESERVER", managers.Json!["device"]!["name"]!.GetValue<string>());
    }

    [Fact]
    [Trait("ASVS", "4.2.1")]
    public async Task The_tickets_naming_a_device_are_only_those_the_caller_may_see()
    {
        var world = await TicketWorld.CreateAsync(api.Services);
        var nora = await world.EndUserAsync();
        var colleague = await world.EndUserAsync();
        var manager = await world.EndUserAsync(role: EndUserRoles.ClientManager);
        var server = await world.DeviceAsync(world.Admin.Clients[0], null, "FILESERVER");
        var (norasTicket, _) = await world.Admin.TicketAsync(nora.Id, deviceId: server);
        await world.Admin.TicketAsync(colleague.Id, deviceId: server);
        await world.Admin.TicketAsync(nora.Id);

        var norasView = await world.WithDbAsync(db => Api.Portal.Tickets.ListTickets.NamingDeviceAsync(new PortalScope(Load(db, nora.Id)), db, server, default));
        var managersView = await world.WithDbAsync(db => Api.Portal.Tickets.ListTickets.NamingDeviceAsync(new PortalScope(Load(db, manager.Id)), db, server, default));

        Assert.Equal(norasTicket, Assert.Single(norasView).Id);
        Assert.Equal(2, managersView.Count);
    }

    [Fact]
    public async Task Someone_without_portal_access_is_refused_with_a_sentence()
    {
        var world = await TicketWorld.CreateAsync(api.Services);
        var staff = await world.Admin.StaffAsync();
        using var browser = new SsoDriver(api);

        var answer = await staff.GetAsync(browser, "/api/portal/tickets");

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Contains("no access to the End User Portal", answer.Detail, StringComparison.Ordinal);
    }

    private static EndUser Load(Api.Data.AppDbContext db, Guid id) => db.EndUsers.Single(u => u.Id == id);
}
