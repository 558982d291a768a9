using System.Net;
using Api.Audit;
using Api.Shared;
using Api.Portal.Tickets;
using Api.Tests.Admin;
using Api.Tests.Sso;
using Microsoft.EntityFrameworkCore;

namespace Api.Tests.Portal.Tickets;

/// <summary>The staff's side: their clients' queue, answering (the end user sees it and gets an e-mail), status changes, the audit log.</summary>
[Collection(SsoCollection.Name)]
public sealed class StaffTicketTests(SsoApiFactory api)
{
    [Fact]
    public async Task A_technician_answers_the_end_user_sees_the_answer_and_gets_an_email_without_the_text()
    {
        var world = await TicketWorld.CreateAsync(api.Services);
        var nora = await world.EndUserAsync();
        var technician = await world.Admin.StaffAsync(ProductRoles.PartnerTechnician);
        using var browser = new SsoDriver(api);
        var id = await nora.Login.OpenTicketAsync(browser);

        var answer = await technician.PostAsync(browser, $"/api/admin/tickets/{id}/comments", new { body = "Please restart Outlook in safe mode." });
        var seen = await nora.Login.GetAsync(browser, $"/api/portal/tickets/{id}");
        var listed = await nora.Login.GetAsync(browser, "/api/portal/tickets");

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        Assert.True(answer.Json!["fromStaff"]!.GetValue<bool>());
        Assert.Equal(TicketStatuses.WaitingForYou, seen.String("status"));
        var comment = seen.Json!["comments"]![0]!;
        Assert.Equal("Please restart Outlook in safe mode.", comment["body"]!.GetValue<string>());
        Assert.True(comment["fromStaff"]!.GetValue<bool>());
        Assert.True(listed.Json!["items"]![0]!["awaitingYou"]!.GetValue<bool>());

        var mail = Assert.Single(await Mailbox.MessagesAsync(api.Services, nora.User.Email, TicketEmails.AnsweredKind));
        Assert.Equal($"Your ticket {TicketReference.Of(id)} has an answer", mail.Subject);
        Assert.Contains($"https://localhost/portal/tickets/{id}", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("safe mode", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Outlook", mail.HtmlBody, StringComparison.Ordinal);

        var audit = Assert.Single(await AdminCalls.AuditOfAsync(api.Services, id, AuditActions.TicketAnswered));
        Assert.Equal(world.Admin.Partner.Id, audit.PartnerId);
        Assert.Equal(technician.AccountId, audit.ActorId);
    }

    [Fact]
    public async Task Staff_list_their_clients_tickets_by_status_client_priority_and_search()
    {
        var world = await TicketWorld.CreateAsync(api.Services);
        var other = await TicketWorld.CreateAsync(api.Services);
        var nora = await world.EndUserAsync();
        var otto = await world.EndUserAsync(world.Admin.Clients[1]);
        var stranger = await other.EndUserAsync();
        var admin = await world.Admin.StaffAsync();
        using var browser = new SsoDriver(api);
        var norasId = await nora.Login.OpenTicketAsync(browser);
        await otto.Login.OpenTicketAsync(browser);
        await stranger.Login.OpenTicketAsync(browser);

        var all = await admin.GetAsync(browser, "/api/admin/tickets");
        var byClient = await admin.GetAsync(browser, $"/api/admin/tickets?clientId={world.Admin.Clients[1].Id}");
        var byReference = await admin.GetAsync(browser, $"/api/admin/tickets?search={TicketReference.Of(norasId)}");
        var byEmail = await admin.GetAsync(browser, $"/api/admin/tickets?search={Uri.EscapeDataString(nora.User.Email.ToUpperInvariant())}");
        var urgent = await admin.GetAsync(browser, "/api/admin/tickets?priority=Urgent");
        var exact = await admin.GetAsync(browser, "/api/admin/tickets?status=Open");
        var otherClient = await admin.GetAsync(browser, $"/api/admin/tickets?clientId={other.Admin.Clients[0].Id}");

        Assert.Equal(2, all.Json!["total"]!.GetValue<int>());
        var row = all.Json["items"]!.AsArray().Single(r => r!["id"]!.GetValue<string>() == norasId.ToString())!;
        Assert.Equal(nora.User.Email, row["openedByEmail"]!.GetValue<string>());
        Assert.Equal(world.Admin.Clients[0].Name, row["clientName"]!.GetValue<string>());
        Assert.Equal(1, byClient.Json!["total"]!.GetValue<int>());
        Assert.Equal(norasId.ToString(), Assert.Single(byReference.Json!["items"]!.AsArray())!["id"]!.GetValue<string>());
        Assert.Equal(1, byEmail.Json!["total"]!.GetValue<int>());
        Assert.Equal(0, urgent.Json!["total"]!.GetValue<int>());
        Assert.Equal(2, exact.Json!["total"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NotFound, otherClient.Status);
    }

    [Fact]
    public async Task A_status_change_is_audited_once_and_setting_the_same_status_changes_nothing()
    {
        var world = await TicketWorld.CreateAsync(api.Services);
        var nora = await world.EndUserAsync();
        var admin = await world.Admin.StaffAsync();
        using var browser = new SsoDriver(api);
        var id = await nora.Login.OpenTicketAsync(browser);

        var changed = await admin.SendAsync(browser, HttpMethod.Put, $"/api/admin/tickets/{id}/status", new { status = "In progress" });
        var same = await admin.SendAsync(browser, HttpMethod.Put, $"/api/admin/tickets/{id}/status", new { status = "In progress" });
        var unknown = await admin.SendAsync(browser, HttpMethod.Put, $"/api/admin/tickets/{id}/status", new { status = "Done-ish" });

        Assert.Equal(HttpStatusCode.OK, changed.Status);
        Assert.Equal("In progress", changed.String("status"));
        Assert.Equal(TicketStatuses.All, changed.Json!["statuses"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.OK, same.Status);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.NotNull(unknown.Errors?["status"]);
        var audit = Assert.Single(await AdminCalls.AuditOfAsync(api.Services, id, AuditActions.TicketStatusChanged));
        Assert.Contains("Open", audit.Before, StringComparison.Ordinal);
        Assert.Contains("In progress", audit.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_reopen_a_closed_ticket_only_by_choosing_a_status_with_the_answer()
    {
        var world = await TicketWorld.CreateAsync(api.Services);
        var nora = await world.EndUserAsync();
        var admin = await world.Admin.StaffAsync();
        using var browser = new SsoDriver(api);
        var id = await nora.Login.OpenTicketAsync(browser);
        await nora.Login.PostAsync(browser, $"/api/portal/tickets/{id}/close");

        var plain = await admin.PostAsync(browser, $"/api/admin/tickets/{id}/comments", new { body = "Anything else?" });
        var reopening = await admin.PostAsync(browser, $"/api/admin/tickets/{id}/comments", new { body = "Reopened as agreed.", status = "In progress" });

        Assert.Equal(HttpStatusCode.Conflict, plain.Status);
        Assert.Contains("Choose another status", plain.Detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, reopening.Status);
        Assert.Equal("In progress", (await nora.Login.GetAsync(browser, $"/api/portal/tickets/{id}")).String("status"));
    }

    [Fact]
    [Trait("ASVS", "4.2.1")]
    public async Task An_operator_sees_every_partners_tickets_and_another_partners_staff_get_404()
    {
        var world = await TicketWorld.CreateAsync(api.Services);
        var other = await TicketWorld.CreateAsync(api.Services);
        var nora = await world.EndUserAsync();
        var stranger = await other.Admin.StaffAsync();
        var platform = await AdminWorld.OperatorAsync(api.Services);
        using var browser = new SsoDriver(api);
        var id = await nora.Login.OpenTicketAsync(browser, TicketCalls.Png());
        var attachmentId = await world.WithDbAsync(db => db.TicketAttachments.Where(a => a.TicketId == id).Select(a => a.Id).SingleAsync());

        var operatorView = await platform.GetAsync(browser, $"/api/admin/tickets/{id}");
        var strangerView = await stranger.GetAsync(browser, $"/api/admin/tickets/{id}");
        using var download = await browser.Http.SendAsync(platform.Request(HttpMethod.Get, $"/api/admin/tickets/{id}/attachments/{attachmentId}"));

        Assert.Equal(HttpStatusCode.OK, operatorView.Status);
        Assert.Equal(nora.User.Email, operatorView.String("openedByEmail"));
        Assert.Equal(HttpStatusCode.NotFound, strangerView.Status);
        Assert.Equal("We could not find that ticket.", strangerView.Detail);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
    }
}
