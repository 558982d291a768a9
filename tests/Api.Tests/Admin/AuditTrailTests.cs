using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Api.Audit;
using Api.Shared;
using Api.Portal;
using Api.Tests.Sso;

namespace Api.Tests.Admin;

/// <summary>The Audit page: every action with who, what, before/after and from where; never another partner's events.</summary>
[Collection(SsoCollection.Name)]
public sealed class AuditTrailTests(SsoApiFactory api)
{
    [Fact]
    [Trait("ASVS", "7.1.3")]
    public async Task The_audit_page_shows_each_action_with_actor_target_change_and_ip()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var admin = await world.StaffAsync();
        var technician = await world.StaffAsync(ProductRoles.PartnerTechnician);
        var user = await world.EndUserAsync(SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);
        var id = user.EndUserId;
        var added = await admin.AddAsync(browser, world.Clients[0], AdminCalls.NewEmail(), "Audited Person");

        await admin.SendAsync(browser, HttpMethod.Put, $"/api/admin/end-users/{id}", new { name = "Changed Name", email = user.Email, role = EndUserRoles.ClientManager, clientId = world.Clients[0].Id });
        await admin.PostAsync(browser, $"/api/admin/end-users/{id}/disable");
        await admin.PostAsync(browser, $"/api/admin/end-users/{id}/enable");
        await admin.PostAsync(browser, $"/api/admin/end-users/{id}/reset-mfa");
        await technician.PostAsync(browser, $"/api/admin/end-users/{id}/unlock");
        await technician.PostAsync(browser, $"/api/admin/end-users/{added}/resend-activation");
        await admin.SendAsync(browser, HttpMethod.Delete, $"/api/admin/end-users/{id}");

        var page = await admin.GetAsync(browser, $"/api/admin/audit?targetId={id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var items = page.Json!["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
        Assert.Equal(
            [AuditActions.EndUserDeleted, AuditActions.EndUserUnlocked, AuditActions.MfaReset, AuditActions.EndUserEnabled, AuditActions.EndUserDisabled, AuditActions.EndUserEdited],
            items.Select(i => Text(i, "action")));
        Assert.All(items, i => Assert.Equal(browser.ClientIp, Text(i, "clientIp")));
        Assert.All(items, i => Assert.Equal("end-user", Text(i, "targetType")));
        Assert.Equal("Changed Name", Text(items[0], "targetName"));
        var edited = items[^1];
        Assert.Equal($"Staff {admin.Email[6..16]}", Text(edited, "actorName"));
        Assert.Equal("""{"name":"{{user.DisplayName}}","role":"End User"}""".Replace("{{user.DisplayName}}", user.DisplayName), Text(edited, "before"));
        Assert.Equal("""{"name":"Changed Name","role":"Client Manager"}""", Text(edited, "after"));
        Assert.Contains("\"enabled\":false", Text(items[^2], "after"));
        Assert.Equal($"Staff {technician.Email[6..16]}", Text(items[1], "actorName"));

        var created = await admin.GetAsync(browser, $"/api/admin/audit?targetId={added}");
        Assert.Equal([AuditActions.ActivationResent, AuditActions.EndUserCreated], created.Json!["items"]!.AsArray().Select(i => Text(i!.AsObject(), "action")));
        Assert.Contains("Audited Person", Text(created.Json["items"]![1]!.AsObject(), "after"));

        var byAction = await admin.GetAsync(browser, $"/api/admin/audit?action={AuditActions.EndUserDisabled}&pageSize=1");
        Assert.Equal(1, byAction.Json!["total"]!.GetValue<int>());
        Assert.Single(byAction.Json["items"]!.AsArray());
    }

    [Fact]
    [Trait("ASVS", "4.2.1")]
    public async Task Partner_staff_never_see_another_partners_events_in_the_page_or_the_export()
    {
        var mine = await AdminWorld.CreateAsync(api.Services);
        var theirs = await AdminWorld.CreateAsync(api.Services);
        var admin = await mine.StaffAsync();
        var other = await theirs.StaffAsync();
        var foreign = await theirs.EndUserAsync(SsoUserState.Legacy);
        var own = await mine.EndUserAsync(SsoUserState.Legacy);
        using var browser = new SsoDriver(api);
        await other.PostAsync(browser, $"/api/admin/end-users/{foreign.EndUserId}/disable");
        await admin.PostAsync(browser, $"/api/admin/end-users/{own.EndUserId}/disable");

        var all = await admin.GetAsync(browser, "/api/admin/audit?pageSize=200");
        var filtered = await admin.GetAsync(browser, $"/api/admin/audit?targetId={foreign.EndUserId}");
        var csv = await admin.GetAsync(browser, "/api/admin/audit/export.csv");
        var operatorView = await (await AdminWorld.OperatorAsync(api.Services)).GetAsync(browser, $"/api/admin/audit?targetId={foreign.EndUserId}");

        Assert.Equal(1, all.Json!["total"]!.GetValue<int>());
        Assert.Equal(own.EndUserId.ToString(), Text(all.Json["items"]![0]!.AsObject(), "targetId"));
        Assert.Equal(0, filtered.Json!["total"]!.GetValue<int>());
        Assert.DoesNotContain(foreign.EndUserId.ToString(), csv.Body);
        Assert.Contains(own.EndUserId.ToString(), csv.Body);
        Assert.Equal(1, operatorView.Json!["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_export_is_a_csv_file_with_the_contract_header_and_formulas_escaped()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var admin = await world.StaffAsync();
        using var browser = new SsoDriver(api);
        var id = await admin.AddAsync(browser, world.Clients[0], AdminCalls.NewEmail(), "=HYPERLINK(\"http://evil.example\")");

        var csv = await admin.GetAsync(browser, $"/api/admin/audit/export.csv?targetId={id}");

        Assert.Equal(HttpStatusCode.OK, csv.Status);
        Assert.Equal("text/csv", csv.MediaType);
        Assert.Equal("utf-8", csv.Raw.Content.Headers.ContentType!.CharSet);
        Assert.Equal("attachment", csv.Raw.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Matches(@"^audit-\d{4}-\d{2}-\d{2}\.csv$", csv.Raw.Content.Headers.ContentDisposition.FileName!.Trim('"'));
        var lines = csv.Body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Time,Actor,Action,Target type,Target,Target id,Before,After,Client IP", lines[0]);
        var row = Assert.Single(lines[1..]);
        Assert.Contains($",{AuditActions.EndUserCreated},end-user,\"'=HYPERLINK(\"\"http://evil.example\"\")\",{id},", row);
        Assert.EndsWith(browser.ClientIp, row);
    }

    [Fact]
    public async Task An_entrys_time_is_a_UTC_instant_and_the_export_shows_the_same_instant()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var admin = await world.StaffAsync();
        using var browser = new SsoDriver(api);
        var before = DateTimeOffset.UtcNow;
        var id = await admin.AddAsync(browser, world.Clients[0], AdminCalls.NewEmail(), "Timed Person");
        var after = DateTimeOffset.UtcNow;

        var page = await admin.GetAsync(browser, $"/api/admin/audit?targetId={id}");
        var csv = await admin.GetAsync(browser, $"/api/admin/audit/export.csv?targetId={id}");

        // Without its "Z" a browser reads the time as its own local time: shifted by the viewer's offset.
        var at = Text(Assert.Single(page.Json!["items"]!.AsArray())!.AsObject(), "at")!;
        Assert.EndsWith("Z", at);
        var instant = DateTimeOffset.Parse(at, CultureInfo.InvariantCulture);
        Assert.InRange(instant, before, after);
        var cell = csv.Body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries)[1].Split(',')[0];
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", cell);
        Assert.Equal(instant.ToUnixTimeSeconds(), DateTimeOffset.Parse(cell, CultureInfo.InvariantCulture).ToUnixTimeSeconds());
    }

    [Fact]
    public async Task Bad_filters_are_refused_with_a_sentence()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var admin = await world.StaffAsync();
        using var browser = new SsoDriver(api);

        foreach (var query in new[] { "page=0", "pageSize=500", "from=2030-01-02T00:00:00Z&to=2030-01-01T00:00:00Z", "from=yesterday", $"action={new string('a', 65)}" })
        {
            var answer = await admin.GetAsync(browser, $"/api/admin/audit?{query}");
            Assert.True(answer.Status == HttpStatusCode.BadRequest && answer.IsProblem && answer.Detail is { Length: > 10 }, $"{query}: {answer}");
        }
    }

    private static string? Text(JsonObject item, string name) => item[name]?.GetValue<string>();
}
