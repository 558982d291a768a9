using System.Net;
using System.Text.Json.Nodes;
using Api.Audit;
using Api.Tests.Admin;
using Api.Tests.Sso;

namespace Api.Tests.Migration;

/// <summary>
/// Mixed mode, as the operator plans it: a batch may let its users move before its date by logging
/// in, from a time the operator chooses (before the date). The batch page and the partners' banner
/// show it; what refuses it says why.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class BatchWindowPlanningTests(SsoApiFactory api)
{
    [Fact]
    public async Task A_batch_with_a_window_shows_it_on_its_page_and_in_the_partners_banner_and_the_audit_log()
    {
        var world = await AdminWorld.CreateAsync(api.Services, clients: 1);
        var @operator = await AdminWorld.OperatorAsync(api.Services);
        var admin = await world.StaffAsync();
        using var browser = new SsoDriver(api);
        var opens = MigrationCalls.DaysAhead(2);

        var created = await @operator.PostAsync(browser, MigrationCalls.Batches, Body(world, MigrationCalls.DaysAhead(10), opens));

        Assert.Equal(HttpStatusCode.Created, created.Status);
        var id = Guid.Parse(created.String("id")!);
        var detail = await @operator.GetAsync(browser, $"{MigrationCalls.Batches}/{id}");
        Assert.Equal(opens, DateTimeOffset.Parse(detail.String("windowOpensAt")!, System.Globalization.CultureInfo.InvariantCulture));
        var upcoming = JsonNode.Parse((await admin.GetAsync(browser, "/api/admin/migration/upcoming")).Body)!.AsArray();
        var mine = Assert.Single(upcoming, b => b!["batchId"]!.GetValue<string>() == id.ToString())!;
        Assert.Equal(opens, DateTimeOffset.Parse(mine["windowOpensAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        var audit = Assert.Single(await AdminCalls.AuditOfAsync(api.Services, id, AuditActions.BatchCreated));
        Assert.Contains("windowOpensAt", audit.After);
    }

    [Fact]
    public async Task A_window_must_open_before_the_batch_date_when_created_edited_or_rescheduled()
    {
        var world = await AdminWorld.CreateAsync(api.Services, clients: 1);
        var @operator = await AdminWorld.OperatorAsync(api.Services);
        using var browser = new SsoDriver(api);
        var date = MigrationCalls.DaysAhead(10);

        var atTheDate = await @operator.PostAsync(browser, MigrationCalls.Batches, Body(world, date, date));
        var after = await @operator.PostAsync(browser, MigrationCalls.Batches, Body(world, date, date.AddHours(1)));
        Assert.Equal(HttpStatusCode.BadRequest, atTheDate.Status);
        Assert.Equal(
            "Users can start moving by logging in only before the batch's date: choose an earlier time, or leave it empty.",
            atTheDate.Errors!["windowOpensAt"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, after.Status);

        var created = await @operator.PostAsync(browser, MigrationCalls.Batches, Body(world, date, date.AddDays(-3)));
        var id = Guid.Parse(created.String("id")!);
        var clientIds = world.Clients.Select(c => c.Id);
        var editedLate = await @operator.SendAsync(browser, HttpMethod.Put, $"{MigrationCalls.Batches}/{id}", new { name = "Wave", clientIds, windowOpensAt = date.AddMinutes(1) });
        var rescheduledEarly = await @operator.PostAsync(browser, $"{MigrationCalls.Batches}/{id}/reschedule", new { scheduledAt = date.AddDays(-4), timeZone = "UTC" });
        Assert.Equal(HttpStatusCode.BadRequest, editedLate.Status);
        Assert.NotNull(editedLate.Errors!["windowOpensAt"]);
        Assert.Equal(HttpStatusCode.BadRequest, rescheduledEarly.Status);
        Assert.Equal(
            "Choose a date after the time users can start moving by logging in, or change that time with Edit first.",
            rescheduledEarly.Errors!["scheduledAt"]![0]!.GetValue<string>());
        Assert.Equal(date.UtcDateTime, (await MigrationCalls.BatchAsync(api.Services, id)).ScheduledAt);
    }

    [Fact]
    public async Task Edit_moves_or_removes_the_window_and_the_audit_entry_names_the_change()
    {
        var world = await AdminWorld.CreateAsync(api.Services, clients: 1);
        var @operator = await AdminWorld.OperatorAsync(api.Services);
        using var browser = new SsoDriver(api);
        var date = MigrationCalls.DaysAhead(10);
        var id = Guid.Parse((await @operator.PostAsync(browser, MigrationCalls.Batches, Body(world, date, null))).String("id")!);
        var clientIds = world.Clients.Select(c => c.Id);

        var opened = await @operator.SendAsync(browser, HttpMethod.Put, $"{MigrationCalls.Batches}/{id}", new { name = "Wave", clientIds, windowOpensAt = date.AddDays(-1) });
        Assert.Equal(HttpStatusCode.NoContent, opened.Status);
        Assert.Equal(date.AddDays(-1).UtcDateTime, (await MigrationCalls.BatchAsync(api.Services, id)).WindowOpensAt);
        var removed = await @operator.SendAsync(browser, HttpMethod.Put, $"{MigrationCalls.Batches}/{id}", new { name = "Wave", clientIds });

        Assert.Equal(HttpStatusCode.NoContent, removed.Status);
        Assert.Null((await MigrationCalls.BatchAsync(api.Services, id)).WindowOpensAt);
        var edits = await AdminCalls.AuditOfAsync(api.Services, id, AuditActions.BatchEdited);
        Assert.Equal(2, edits.Count);
        Assert.All(edits, e => Assert.Contains("windowOpensAt", e.After));
        Assert.Single(edits, e => e.After!.Contains("none", StringComparison.Ordinal));
    }

    private static object Body(AdminWorld world, DateTimeOffset scheduledAt, DateTimeOffset? windowOpensAt) =>
        new { name = "Wave", scheduledAt, timeZone = "UTC", clientIds = world.Clients.Select(c => c.Id), windowOpensAt };
}
