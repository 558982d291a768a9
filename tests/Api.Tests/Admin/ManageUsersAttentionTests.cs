using System.Net;
using Api.Admin.ManageUsers;
using Api.Data;
using Api.Portal;
using Api.Shared;
using Api.SsoMigration;
using Api.SsoMigration.Batches;
using Api.Tests.Migration;
using Api.Tests.Sso;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Admin;

/// <summary>
/// An answer for every unmarked user: under Migrated to SSO, each end user not on SSO yet says
/// where they stand (scheduled for a date, left out, no usable or a doubled address, failed and
/// why, waiting for an account's owner) and Needs attention lists exactly the ones the partner can
/// fix — their own, no one else's — until the cause is fixed.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class ManageUsersAttentionTests(SsoApiFactory api)
{
    [Fact]
    public async Task Each_unmarked_user_says_why_and_needs_attention_lists_exactly_the_partners_fixable_ones()
    {
        var scene = await SceneAsync();
        using var reader = new ManageUsersReader(api, scene.Admin);

        var all = (await reader.PageAsync("?pageSize=200")).Items.ToDictionary(r => r.Id);
        var attention = await reader.PageAsync("?needsAttention=true&pageSize=200");
        var oneClient = await reader.PageAsync($"?needsAttention=true&clientId={scene.World.Clients[1].Id}");
        var wrong = await reader.GetAsync("/api/admin/end-users?needsAttention=yes");
        var export = await reader.GetAsync("/api/admin/end-users/export.csv?needsAttention=true");
        using var other = new ManageUsersReader(api, await scene.Stranger.StaffAsync());
        var theirs = await other.PageAsync("?needsAttention=true");

        var batch = await MigrationCalls.BatchAsync(api.Services, scene.Scheduled);
        AssertState(all[scene.Plain], MigrationStateNames.Scheduled, attention: false, batch.ScheduledAt);
        Assert.Equal("Europe/Amsterdam", all[scene.Plain].Migration!.TimeZone);
        AssertState(all[scene.Excluded], MigrationStateNames.Excluded, attention: false, batch.ScheduledAt);
        AssertState(all[scene.NoEmail], MigrationStateNames.NoUsableEmail, attention: true, batch.ScheduledAt);
        AssertState(all[scene.Canonical], MigrationStateNames.Scheduled, attention: false, batch.ScheduledAt);
        AssertState(all[scene.Variant], MigrationStateNames.DuplicateEmail, attention: true);
        AssertState(all[scene.Waiting], MigrationStateNames.AwaitingOwner, attention: false);
        AssertState(all[scene.Declined], MigrationStateNames.OwnerDeclined, attention: true);
        AssertState(all[scene.Unplanned], MigrationStateNames.NotPlanned, attention: false);
        AssertState(all[scene.FailedFixable], MigrationStateNames.Failed, attention: true, scene.RanAt);
        Assert.Equal(EndUserMigrator.AccountOfAnotherUser, all[scene.FailedFixable].Migration!.Reason);
        AssertState(all[scene.FailedTechnical], MigrationStateNames.Failed, attention: false, scene.RanAt);
        Assert.Equal("A technical problem on the platform's side; the platform team has been told.", all[scene.FailedTechnical].Migration!.Reason);
        AssertState(all[scene.SkippedSinceFixed], MigrationStateNames.NextRun, attention: false, scene.RanAt);
        Assert.Null(all[scene.Migrated].Migration);

        Assert.Equal(scene.Fixable.Order(), attention.Items.Select(r => r.Id).Order());
        Assert.Equal((4, false), (attention.Total, attention.TotalIsCapped));
        Assert.All(attention.Items, r => Assert.True(r.Migration!.NeedsAttention));
        Assert.Equal([scene.Variant], oneClient.Items.Select(r => r.Id));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.Equal("Choose needsAttention from: true.", wrong.Errors!["needsAttention"]![0]!.GetValue<string>());
        Assert.Equal(5, export.Body.Trim().Split("\r\n").Length); // the header and the four users
        Assert.Contains("No usable e-mail address: fix it and they join the next run", export.Body);
        Assert.Equal([scene.StrangerProblem], theirs.Items.Select(r => r.Id));
    }

    [Fact]
    public async Task Fixing_the_cause_takes_the_user_out_of_needs_attention_and_a_failed_one_is_retried_once_under_fifty_clicks()
    {
        var scene = await SceneAsync();
        using var reader = new ManageUsersReader(api, scene.Admin);
        using var browser = new SsoDriver(api);
        async Task Edit(Guid id, string email) => Assert.Equal(
            HttpStatusCode.NoContent,
            (await scene.Admin.SendAsync(browser, HttpMethod.Put, $"/api/admin/end-users/{id}", new { name = "Fixed Person", email, role = EndUserRoles.EndUser, clientId = (await AdminCalls.EndUserAsync(api.Services, id)).ClientId })).Status);

        await Edit(scene.NoEmail, AdminCalls.NewEmail());
        await Edit(scene.Variant, AdminCalls.NewEmail());
        await Edit(scene.Declined, AdminCalls.NewEmail());
        var fixedRows = (await reader.PageAsync("?pageSize=200")).Items.ToDictionary(r => r.Id);
        await LeftBehindUsers.UnblockAsync(api.Services, scene.Holder);
        var retries = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => scene.Admin.PostAsync(browser, $"/api/admin/end-users/{scene.FailedFixable}/retry-move")));
        var left = await reader.PageAsync("?needsAttention=true&pageSize=200");

        AssertState(fixedRows[scene.NoEmail], MigrationStateNames.Scheduled, attention: false, (await MigrationCalls.BatchAsync(api.Services, scene.Scheduled)).ScheduledAt);
        AssertState(fixedRows[scene.Variant], MigrationStateNames.NotPlanned, attention: false);
        AssertState(fixedRows[scene.Declined], MigrationStateNames.Scheduled, attention: false, (await MigrationCalls.BatchAsync(api.Services, scene.Scheduled)).ScheduledAt);
        Assert.Single(retries, r => r.Status == HttpStatusCode.Accepted);
        Assert.All(retries.Where(r => r.Status != HttpStatusCode.Accepted), r => Assert.Equal(HttpStatusCode.Conflict, r.Status));
        Assert.Empty(left.Items);
        Assert.Single(await AdminCalls.AuditOfAsync(api.Services, scene.FailedFixable, Api.Audit.AuditActions.UserMigrationRetried));
        // The Api's own runner takes the reopened run at once: the user moves to SSO.
        await WaitForAsync(async () => (await AdminCalls.EndUserAsync(api.Services, scene.FailedFixable)).MigratedToSso);
        var technician = await scene.World.StaffAsync(ProductRoles.PartnerTechnician);
        Assert.Equal(HttpStatusCode.Forbidden, (await technician.PostAsync(browser, $"/api/admin/end-users/{scene.FailedTechnical}/retry-move")).Status);
        using var strangerBrowser = new SsoDriver(api);
        Assert.Equal(HttpStatusCode.NotFound, (await (await scene.Stranger.StaffAsync()).PostAsync(strangerBrowser, $"/api/admin/end-users/{scene.FailedTechnical}/retry-move")).Status);
    }

    private static void AssertState(EndUserRow row, string state, bool attention, DateTime? scheduledAt = null)
    {
        Assert.NotNull(row.Migration);
        Assert.Equal((state, attention, scheduledAt), (row.Migration.State, row.Migration.NeedsAttention, row.Migration.ScheduledAt));
    }

    /// <summary>
    /// One partner with a user in every situation: a scheduled batch of its first client, nothing
    /// for its second, a run already completed for its third; and another partner with a problem of its own.
    /// </summary>
    private async Task<Scene> SceneAsync()
    {
        var world = await AdminWorld.CreateAsync(api.Services, clients: 3);
        var admin = await world.StaffAsync();
        var (planned, unplanned, ran) = (world.Clients[0], world.Clients[1], world.Clients[2]);
        var plain = await world.EndUserAsync(SsoUserState.Legacy, client: planned);
        var excluded = await world.EndUserAsync(SsoUserState.Legacy, client: planned);
        var noEmail = await LeftBehindUsers.WithoutEmailAsync(api.Services, planned);
        var (canonical, variant) = await LeftBehindUsers.TwinsAsync(api.Services, planned, unplanned);
        using var browser = new SsoDriver(api);
        // Addresses of accounts another product created: their owners are asked.
        var waiting = await admin.AddAsync(browser, planned, (await PlatformAccounts.CreateAsync(api.Services, "rmm", [ProductRoles.RmmTechnician])).Email);
        var owner = await PlatformAccounts.CreateAsync(api.Services, "rmm", [ProductRoles.RmmTechnician]);
        var declined = await admin.AddAsync(browser, planned, owner.Email);
        Assert.Equal(HttpStatusCode.NoContent, (await browser.PostAsync("/api/access-requests/decline", new { token = await AccessRequestLinks.LatestTokenAsync(api.Services, owner.Email) })).Status);
        var stray = await world.EndUserAsync(SsoUserState.Legacy, client: unplanned);
        var @operator = await AdminWorld.OperatorAsync(api.Services);
        var scheduled = await @operator.CreateBatchAsync(browser, [planned], daysAhead: 10);
        Assert.Equal(HttpStatusCode.NoContent, (await @operator.SendAsync(browser, HttpMethod.Put, $"{MigrationCalls.Batches}/{scheduled}/exclusions/{excluded.EndUserId}", new { excluded = true })).Status);

        var failedFixable = await world.EndUserAsync(SsoUserState.Legacy, client: ran);
        var holder = await LeftBehindUsers.BlockWithAccountOfAnotherUserAsync(api.Services, world.Partner.Id, failedFixable);
        var failedTechnical = await world.EndUserAsync(SsoUserState.Legacy, client: ran);
        var skipped = await world.EndUserAsync(SsoUserState.Legacy, client: ran);
        var migrated = await world.EndUserAsync(SsoUserState.Enrolled, client: ran);
        var ranAt = DateTime.UtcNow.AddDays(-1).AddTicks(-(DateTime.UtcNow.Ticks % TimeSpan.TicksPerSecond));
        await RanAsync(ran, ranAt,
            (failedFixable.EndUserId, MigrationOutcomeStatus.Failed, EndUserMigrator.AccountOfAnotherUser),
            (failedTechnical.EndUserId, MigrationOutcomeStatus.Failed, "Could not be migrated: database timeout"),
            (skipped.EndUserId, MigrationOutcomeStatus.Skipped, EndUserMigrator.NoUsableEmail),
            (migrated.EndUserId, MigrationOutcomeStatus.Migrated, null));

        var stranger = await AdminWorld.CreateAsync(api.Services, clients: 1);
        var strangerProblem = await LeftBehindUsers.WithoutEmailAsync(api.Services, stranger.Clients[0]);
        return new Scene(world, admin, stranger, scheduled, ranAt, holder, plain.EndUserId, excluded.EndUserId, noEmail, canonical, variant, waiting, declined,
            stray.EndUserId, failedFixable.EndUserId, failedTechnical.EndUserId, skipped.EndUserId, migrated.EndUserId, strangerProblem);
    }

    /// <summary>A batch of <paramref name="client"/> that ran at <paramref name="at"/> with these results, as the runner leaves a completed one.</summary>
    private async Task RanAsync(Client client, DateTime at, params (Guid User, MigrationOutcomeStatus Status, string? Reason)[] results)
    {
        var id = await ExecutionWorld.AddBatchAsync(api.Services, [client], at);
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.MigrationBatches.Where(b => b.Id == id).ExecuteUpdateAsync(set => set
            .SetProperty(b => b.Status, MigrationBatchStatus.Completed).SetProperty(b => b.StartedAt, at).SetProperty(b => b.CompletedAt, at));
        db.MigrationResults.AddRange(results.Select(r => new MigrationResult { BatchId = id, EndUserId = r.User, Status = r.Status, Reason = r.Reason, Attempts = 1, CompletedAt = at }));
        await db.SaveChangesAsync();
    }

    /// <summary>Waits (at most 30 s) for what the Api's background runner does.</summary>
    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    private sealed record Scene(
        AdminWorld World, StaffLogin Admin, AdminWorld Stranger, Guid Scheduled, DateTime RanAt, TestUser Holder,
        Guid Plain, Guid Excluded, Guid NoEmail, Guid Canonical, Guid Variant, Guid Waiting, Guid Declined, Guid Unplanned,
        Guid FailedFixable, Guid FailedTechnical, Guid SkippedSinceFixed, Guid Migrated, Guid StrangerProblem)
    {
        public Guid[] Fixable => [NoEmail, Variant, Declined, FailedFixable];
    }
}
