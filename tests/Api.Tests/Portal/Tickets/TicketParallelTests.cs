using Api.Shared;
using System.Net;
using Api.Audit;
using Api.Portal.Tickets;
using Api.Tests.Admin;
using Api.Tests.Sso;
using Microsoft.EntityFrameworkCore;

namespace Api.Tests.Portal.Tickets;

/// <summary>Fifty clicks at once: every comment stored once, status changes never lost nor audited twice, no half-written ticket.</summary>
[Collection(SsoCollection.Name)]
public sealed class TicketParallelTests(SsoApiFactory api)
{
    private const int Parallel = 50;

    [Fact]
    public async Task Fifty_parallel_comments_are_each_stored_once()
    {
        var world = await TicketWorld.CreateAsync(api.Services);
        var nora = await world.EndUserAsync();
        using var browser = new SsoDriver(api);
        var id = await nora.Login.OpenTicketAsync(browser);

        var answers = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(i =>
            nora.Login.PostAsync(browser, $"/api/portal/tickets/{id}/comments", new { body = $"Comment {i}" })));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.Status));
        var bodies = await world.WithDbAsync(db => db.TicketComments.Where(c => c.TicketId == id).Select(c => c.Body).ToListAsync());
        Assert.Equal(Enumerable.Range(0, Parallel).Select(i => $"Comment {i}").Order(), bodies.Order());
        var ticket = await world.WithDbAsync(db => db.Tickets.AsNoTracking().SingleAsync(t => t.Id == id));
        Assert.Equal(Parallel, ticket.Version);
    }

    [Fact]
    public async Task Fifty_parallel_status_changes_end_consistent_with_one_audit_entry_per_real_change()
    {
        var world = await TicketWorld.CreateAsync(api.Services);
        var nora = await world.EndUserAsync();
        var admin = await world.Admin.StaffAsync();
        var technician = await world.Admin.StaffAsync(Api.Shared.ProductRoles.PartnerTechnician);
        using var browser = new SsoDriver(api);
        var id = await nora.Login.OpenTicketAsync(browser);
        string[] statuses = [TicketStatuses.InProgress, TicketStatuses.Resolved];

        var answers = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(i =>
            (i % 2 == 0 ? admin : technician).SendAsync(browser, HttpMethod.Put, $"/api/admin/tickets/{id}/status", new { status = statuses[i % 2] })));

        Assert.All(answers, a => Assert.True(a.Status is HttpStatusCode.OK or HttpStatusCode.Conflict, a.ToString()));
        var audit = await AdminCalls.AuditOfAsync(api.Services, id, AuditActions.TicketStatusChanged);
        var ticket = await world.WithDbAsync(db => db.Tickets.AsNoTracking().SingleAsync(t => t.Id == id));
        // One entry leaves Open; after it the status flips between the two, each flip a real change
        // and each audited once: the count of entries decides where the ticket ends.
        var first = Assert.Single(audit, e => e.Before!.Contains(TicketStatuses.Open, StringComparison.Ordinal));
        Assert.All(audit, e => Assert.NotEqual(e.Before, e.After));
        var firstStatus = statuses.Single(s => first.After!.Contains(s, StringComparison.Ordinal));
        Assert.Equal(audit.Count % 2 == 1 ? firstStatus : statuses.Single(s => s != firstStatus), ticket.Status);
        Assert.Equal(audit.Count, ticket.Version);
    }

    [Fact]
    public async Task Fifty_parallel_ticket_creations_with_attachments_leave_no_half_written_ticket()
    {
        var world = await TicketWorld.CreateAsync(api.Services);
        var nora = await world.EndUserAsync();
        using var browser = new SsoDriver(api);

        var answers = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(i =>
            nora.Login.OpenAsync(browser, subject: $"Ticket {i}", attachment: TicketCalls.Png(1000 + i))));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.Status));
        var tickets = await world.WithDbAsync(db => db.Tickets.Where(t => t.OpenedById == nora.Id)
            .Select(t => new { t.Subject, Files = t.Attachments.Select(a => a.Size).ToList() }).ToListAsync());
        Assert.Equal(Parallel, tickets.Count);
        Assert.All(tickets, t => Assert.Equal(1000 + int.Parse(t.Subject["Ticket ".Length..], System.Globalization.CultureInfo.InvariantCulture), Assert.Single(t.Files)));
        Assert.Equal(Parallel, tickets.Select(t => t.Subject).Distinct().Count());
    }
}
