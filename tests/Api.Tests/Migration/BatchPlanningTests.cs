using System.Net;
using System.Text.Json.Nodes;
using Api.Admin.Staff;
using Api.Audit;
using Api.Shared;
using Api.SsoMigration.Batches;
using Api.Tests.Admin;
using Api.Tests.Sso;

namespace Api.Tests.Migration;

/// <summary>Planning a batch as an operator does it: create, edit, reschedule, cancel, and what each refuses.</summary>
[Collection(SsoCollection.Name)]
public sealed class BatchPlanningTests(SsoApiFactory api)
{
    [Fact]
    public async Task A_created_batch_is_listed_with_its_clients_and_counts_and_audited()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        await world.EndUserAsync(SsoUserState.Legacy);
        await world.EndUserAsync(SsoUserState.Legacy);
        await world.EndUserAsync(SsoUserState.Enrolled); // already on SSO: not counted
        var @operator = await AdminWorld.OperatorAsync(api.Services);
        using var browser = new SsoDriver(api);

        var id = await @operator.CreateBatchAsync(browser, world.Clients, name: "March wave");

        var list = await @operator.GetAsync(browser, MigrationCalls.Batches);
        Assert.Equal(HttpStatusCode.OK, list.Status);
        var summary = Assert.Single(JsonNode.Parse(list.Body)!.AsArray(), b => b!["id"]!.GetValue<string>() == id.ToString())!;
        Assert.Equal("March wave", summary["name"]!.GetValue<string>());
        Assert.Equal("scheduled", summary["status"]!.GetValue<string>());
        Assert.Equal("Europe/Amsterdam", summary["timeZone"]!.GetValue<string>());
        Assert.EndsWith("Z", summary["scheduledAt"]!.GetValue<string>());
        Assert.Equal(2, summary["clients"]!.AsArray().Count);
        Assert.Equal(world.Partner.Name, summary["clients"]![0]!["partnerName"]!.GetValue<string>());
        Assert.Equal(2, summary["counts"]!["total"]!.GetValue<int>());
        Assert.Equal(2, summary["counts"]!["pending"]!.GetValue<int>());

        var detail = await @operator.GetAsync(browser, $"{MigrationCalls.Batches}/{id}");
        Assert.Equal(HttpStatusCode.OK, detail.Status);
        Assert.StartsWith("Operator ", detail.String("createdBy"));
        Assert.Equal(2, detail.Json!["progress"]!["total"]!.GetValue<int>());
        Assert.Equal(0, detail.Json!["progress"]!["done"]!.GetValue<int>());
        Assert.Empty(detail.Json!["notices"]!.AsArray()); // 30 days ahead: not announced yet

        var audit = Assert.Single(await AdminCalls.AuditOfAsync(api.Services, id, AuditActions.BatchCreated));
        Assert.Null(audit.PartnerId);
        Assert.Equal(@operator.AccountId, audit.ActorId);
        Assert.Contains("March wave", audit.After);
    }

    [Fact]
    public async Task Creating_refuses_a_past_date_an_unknown_zone_no_clients_an_unknown_client_and_a_client_already_planned()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var @operator = await AdminWorld.OperatorAsync(api.Services);
        using var browser = new SsoDriver(api);
        object Body(DateTimeOffset at, string zone, IEnumerable<Guid> clients) =>
            new { name = "Wave", scheduledAt = at, timeZone = zone, clientIds = clients };
        var mine = world.Clients.Select(c => c.Id).ToList();

        var past = await @operator.PostAsync(browser, MigrationCalls.Batches, Body(DateTimeOffset.UtcNow.AddMinutes(-1), "Europe/Amsterdam", mine));
        var zone = await @operator.PostAsync(browser, MigrationCalls.Batches, Body(MigrationCalls.DaysAhead(30), "Mars/Olympus_Mons", mine));
        var none = await @operator.PostAsync(browser, MigrationCalls.Batches, Body(MigrationCalls.DaysAhead(30), "Europe/Amsterdam", []));
        var unknown = await @operator.PostAsync(browser, MigrationCalls.Batches, Body(MigrationCalls.DaysAhead(30), "Europe/Amsterdam", [Guid.NewGuid()]));
        await @operator.CreateBatchAsync(browser, [world.Clients[0]], name: "March wave");
        var taken = await @operator.PostAsync(browser, MigrationCalls.Batches, Body(MigrationCalls.DaysAhead(40), "UTC", mine));

        Assert.Equal(HttpStatusCode.BadRequest, past.Status);
        Assert.NotNull(past.Errors!["scheduledAt"]);
        Assert.Equal(HttpStatusCode.BadRequest, zone.Status);
        Assert.NotNull(zone.Errors!["timeZone"]);
        Assert.Equal(HttpStatusCode.BadRequest, none.Status);
        Assert.NotNull(none.Errors!["clientIds"]);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal(HttpStatusCode.Conflict, taken.Status);
        Assert.Equal($"{world.Clients[0].Name} is already in batch 'March wave'.", taken.Detail);
    }

    [Fact]
    public async Task Editing_renames_and_changes_clients_with_the_changes_audited_and_only_while_scheduled()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var @operator = await AdminWorld.OperatorAsync(api.Services);
        using var browser = new SsoDriver(api);
        var id = await @operator.CreateBatchAsync(browser, [world.Clients[0]], name: "Before");

        var edited = await @operator.SendAsync(browser, HttpMethod.Put, $"{MigrationCalls.Batches}/{id}", new { name = "After", clientIds = new[] { world.Clients[1].Id } });
        var again = await @operator.SendAsync(browser, HttpMethod.Put, $"{MigrationCalls.Batches}/{id}", new { name = "After", clientIds = new[] { world.Clients[1].Id } });
        var detail = await @operator.GetAsync(browser, $"{MigrationCalls.Batches}/{id}");

        Assert.Equal(HttpStatusCode.NoContent, edited.Status);
        Assert.Equal(HttpStatusCode.NoContent, again.Status);
        Assert.Equal("After", detail.String("name"));
        Assert.Equal(world.Clients[1].Id.ToString(), Assert.Single(detail.Json!["clients"]!.AsArray())!["id"]!.GetValue<string>());
        var audit = Assert.Single(await AdminCalls.AuditOfAsync(api.Services, id, AuditActions.BatchEdited));
        Assert.Contains("Before", audit.Before);
        Assert.Contains(world.Clients[0].Name, audit.Before);
        Assert.Contains(world.Clients[1].Name, audit.After);

        // The first client is free again: another batch may take it.
        await @operator.CreateBatchAsync(browser, [world.Clients[0]]);
        Assert.Equal(HttpStatusCode.NoContent, (await @operator.PostAsync(browser, $"{MigrationCalls.Batches}/{id}/cancel")).Status);
        var late = await @operator.SendAsync(browser, HttpMethod.Put, $"{MigrationCalls.Batches}/{id}", new { name = "Later", clientIds = new[] { world.Clients[1].Id } });
        Assert.Equal(HttpStatusCode.Conflict, late.Status);
        Assert.True(MalformedInputSweepSentence(late), late.ToString());
    }

    [Fact]
    public async Task Cancelling_frees_the_clients_tells_the_partner_and_happens_once()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var admin = await world.StaffAsync();
        var @operator = await AdminWorld.OperatorAsync(api.Services);
        using var browser = new SsoDriver(api);
        // Ten days ahead: announced at once, so its cancellation is news to the partner.
        var id = await @operator.CreateBatchAsync(browser, world.Clients, daysAhead: 10, name: "Called off");

        var cancel = await @operator.PostAsync(browser, $"{MigrationCalls.Batches}/{id}/cancel");
        var twice = await @operator.PostAsync(browser, $"{MigrationCalls.Batches}/{id}/cancel");
        var reschedule = await @operator.PostAsync(browser, $"{MigrationCalls.Batches}/{id}/reschedule", new { scheduledAt = MigrationCalls.DaysAhead(50), timeZone = "UTC" });
        var missing = await @operator.PostAsync(browser, $"{MigrationCalls.Batches}/{Guid.NewGuid()}/cancel");

        Assert.Equal(HttpStatusCode.NoContent, cancel.Status);
        Assert.Equal(HttpStatusCode.Conflict, twice.Status);
        Assert.Equal(HttpStatusCode.Conflict, reschedule.Status);
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Equal(MigrationBatchStatus.Cancelled, (await MigrationCalls.BatchAsync(api.Services, id)).Status);
        var notices = await MigrationCalls.NoticesAsync(api.Services, id);
        Assert.Equal([MigrationNoticeKind.Upcoming, MigrationNoticeKind.Cancelled], notices.OrderBy(n => n.SentAt).Select(n => n.Kind));
        var mails = await MigrationCalls.NoticeMailsAsync(api.Services, admin.Email);
        Assert.Equal(2, mails.Count);
        Assert.StartsWith("Cancelled:", mails[1].Subject);
        Assert.Single(await AdminCalls.AuditOfAsync(api.Services, id, AuditActions.BatchCancelled));
        await @operator.CreateBatchAsync(browser, world.Clients);
    }

    [Fact]
    public async Task A_reschedule_sends_exactly_one_new_notice_to_each_partner_and_the_same_date_again_sends_none()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var other = await AdminWorld.CreateAsync(api.Services, clients: 1);
        var admin = await world.StaffAsync();
        var otherAdmin = await other.StaffAsync();
        var technician = await world.StaffAsync(ProductRoles.PartnerTechnician);
        var @operator = await AdminWorld.OperatorAsync(api.Services);
        using var browser = new SsoDriver(api);
        // Announced at once (ten days ahead), so the partners are told of the change.
        var id = await @operator.CreateBatchAsync(browser, [.. world.Clients, other.Clients[0]], daysAhead: 10);
        var newDate = MigrationCalls.DaysAhead(25);

        var moved = await @operator.PostAsync(browser, $"{MigrationCalls.Batches}/{id}/reschedule", new { scheduledAt = newDate, timeZone = "America/New_York" });
        var same = await @operator.PostAsync(browser, $"{MigrationCalls.Batches}/{id}/reschedule", new { scheduledAt = newDate, timeZone = "America/New_York" });

        Assert.Equal(HttpStatusCode.NoContent, moved.Status);
        Assert.Equal(HttpStatusCode.NoContent, same.Status);
        var notices = (await MigrationCalls.NoticesAsync(api.Services, id)).Where(n => n.Kind == MigrationNoticeKind.Rescheduled).ToList();
        Assert.Equal(2, notices.Count);
        Assert.All(notices, n => Assert.Equal(newDate.UtcDateTime, n.ScheduledFor));
        Assert.Equal(new[] { world.Partner.Id, other.Partner.Id }.Order(), notices.Select(n => n.PartnerId).Order());
        var mails = await MigrationCalls.NoticeMailsAsync(api.Services, admin.Email);
        Assert.Equal(2, mails.Count);
        var mail = mails[1];
        Assert.StartsWith("New date:", mail.Subject);
        Assert.Contains("(America/New_York)", mail.TextBody);
        Assert.Contains(world.Clients[0].Name, mail.TextBody);
        Assert.DoesNotContain(other.Clients[0].Name, mail.TextBody);
        Assert.Equal(2, (await MigrationCalls.NoticeMailsAsync(api.Services, otherAdmin.Email)).Count);
        Assert.Empty(await MigrationCalls.NoticeMailsAsync(api.Services, technician.Email));
        var audit = Assert.Single(await AdminCalls.AuditOfAsync(api.Services, id, AuditActions.BatchRescheduled));
        Assert.Contains("Europe/Amsterdam", audit.Before);
        Assert.Contains("America/New_York", audit.After);
    }

    [Fact]
    public async Task Partner_staff_are_refused_the_console_and_see_only_their_own_clients_coming()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var other = await AdminWorld.CreateAsync(api.Services, clients: 1);
        var admin = await world.StaffAsync();
        var technician = await world.StaffAsync(ProductRoles.PartnerTechnician);
        var @operator = await AdminWorld.OperatorAsync(api.Services);
        using var browser = new SsoDriver(api);
        var shared = await @operator.CreateBatchAsync(browser, [world.Clients[0], other.Clients[0]], daysAhead: 10);
        var theirs = await @operator.CreateBatchAsync(browser, [world.Clients[1]], daysAhead: 60);
        await @operator.PostAsync(browser, $"{MigrationCalls.Batches}/{theirs}/cancel");
        await world.EndUserAsync(SsoUserState.Legacy);

        var list = await admin.GetAsync(browser, MigrationCalls.Batches);
        var create = await admin.PostAsync(browser, MigrationCalls.Batches, new { name = "Mine", scheduledAt = MigrationCalls.DaysAhead(30), timeZone = "UTC", clientIds = new[] { world.Clients[1].Id } });
        var upcoming = await admin.GetAsync(browser, "/api/admin/migration/upcoming");
        var technicianUpcoming = await technician.GetAsync(browser, "/api/admin/migration/upcoming");
        var operatorUpcoming = await @operator.GetAsync(browser, "/api/admin/migration/upcoming");

        Assert.Equal(HttpStatusCode.Forbidden, list.Status);
        Assert.Equal(OperatorRequirement.Refusal, list.Detail);
        Assert.Equal(HttpStatusCode.Forbidden, create.Status);
        Assert.Equal(HttpStatusCode.OK, upcoming.Status);
        var batch = Assert.Single(JsonNode.Parse(upcoming.Body)!.AsArray())!;
        Assert.Equal(shared.ToString(), batch["batchId"]!.GetValue<string>());
        Assert.Equal("scheduled", batch["status"]!.GetValue<string>());
        var client = Assert.Single(batch["clients"]!.AsArray())!;
        Assert.Equal(world.Clients[0].Name, client["name"]!.GetValue<string>());
        Assert.Equal(1, client["endUsers"]!.GetValue<int>());
        Assert.Equal(upcoming.Body, technicianUpcoming.Body);
        var seenByOperator = Assert.Single(JsonNode.Parse(operatorUpcoming.Body)!.AsArray(), b => b!["batchId"]!.GetValue<string>() == shared.ToString())!;
        Assert.Equal(2, seenByOperator["clients"]!.AsArray().Count);
    }

    private static bool MalformedInputSweepSentence(SsoResponse answer) => Sweeps.MalformedInputSweep.HasSentence(answer);
}
