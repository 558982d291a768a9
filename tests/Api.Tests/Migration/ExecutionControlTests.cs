using System.Net;
using Api.Audit;
using Api.Data;
using Api.SsoMigration;
using Api.SsoMigration.Batches;
using Api.SsoMigration.Execution;
using Api.Tests.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Migration;

/// <summary>The operator's Run now and Retry, and what the results and the audit log show.</summary>
[Collection(ExecutionCollection.Name)]
public sealed class ExecutionControlTests(ExecutionApiFactory api)
{
    [Fact]
    public async Task Run_now_wakes_a_waiting_runner_and_the_batch_completes()
    {
        var world = await ExecutionWorld.CreateAsync(api.Services, users: 3);
        var operatorLogin = await AdminWorld.OperatorAsync(api.Services);
        using var browser = new SsoDriver(api);
        // A real-clock runner that polls once an hour: only the signal can wake it in time.
        var runner = ActivatorUtilities.CreateInstance<BatchRunner>(api.Services);
        await runner.StartAsync(CancellationToken.None);
        try
        {
            var run = await operatorLogin.PostAsync(browser, $"/api/admin/migration/batches/{world.BatchId}/run");

            Assert.Equal(HttpStatusCode.Accepted, run.Status);
            await WaitForAsync(async () => (await world.BatchAsync()).Status == MigrationBatchStatus.Completed);
        }
        finally
        {
            await runner.StopAsync(CancellationToken.None);
        }

        Assert.All(await world.ResultsAsync(), r => Assert.Equal(MigrationOutcomeStatus.Migrated, r.Status));
        var started = (await world.AuditAsync(AuditActions.BatchStarted)).Select(e => e.ActorId).Order().ToList();
        Assert.Equal([operatorLogin.AccountId, AuditActor.System.Id], started);
        var again = await operatorLogin.PostAsync(browser, $"/api/admin/migration/batches/{world.BatchId}/run");
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.Contains("cannot run", again.Detail);
    }

    [Fact]
    public async Task Fifty_parallel_run_now_clicks_start_the_batch_once_and_migrate_everyone_once()
    {
        var world = await ExecutionWorld.CreateAsync(api.Services, users: 5);
        var operatorLogin = await AdminWorld.OperatorAsync(api.Services);
        using var browser = new SsoDriver(api);

        var clicks = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ =>
            operatorLogin.PostAsync(browser, $"/api/admin/migration/batches/{world.BatchId}/run")));
        while (await world.Runner().RunOnceAsync(CancellationToken.None))
        {
        }

        Assert.All(clicks, click => Assert.Equal(HttpStatusCode.Accepted, click.Status));
        Assert.Equal(MigrationBatchStatus.Completed, (await world.BatchAsync()).Status);
        Assert.All(await world.ResultsAsync(), r => Assert.Equal((MigrationOutcomeStatus.Migrated, 1), (r.Status, r.Attempts)));
        Assert.Equal(5, await world.AccountCountAsync());
        var started = (await world.AuditAsync(AuditActions.BatchStarted)).Select(e => e.ActorId).Order().ToList();
        Assert.Equal([operatorLogin.AccountId, AuditActor.System.Id], started);
    }

    [Fact]
    public async Task Run_now_on_a_running_batch_changes_nothing_and_an_unknown_batch_is_404()
    {
        var world = await ExecutionWorld.CreateAsync(api.Services, users: 1);
        var operatorLogin = await AdminWorld.OperatorAsync(api.Services);
        using var browser = new SsoDriver(api);
        await using (var scope = api.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().MigrationBatches.Where(b => b.Id == world.BatchId)
                .ExecuteUpdateAsync(set => set.SetProperty(b => b.Status, MigrationBatchStatus.Running));
        }

        var running = await operatorLogin.PostAsync(browser, $"/api/admin/migration/batches/{world.BatchId}/run");
        var unknown = await operatorLogin.PostAsync(browser, $"/api/admin/migration/batches/{Guid.NewGuid()}/run");

        Assert.Equal(HttpStatusCode.Accepted, running.Status);
        Assert.Empty(await world.AuditAsync(AuditActions.BatchStarted));
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.True(await world.Runner().RunOnceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_failed_user_is_retried_alone_once_the_cause_is_fixed()
    {
        var world = await ExecutionWorld.CreateAsync(api.Services, users: 3);
        var (blocked, others) = (world.Users[0], world.Users.Skip(1).ToList());
        // Another portal user's SSO account, one this partner manages, already has this e-mail (the
        // two records drifted apart): linking would let one sign in as the other, so the migrator refuses.
        var holder = await LeftBehindUsers.BlockWithAccountOfAnotherUserAsync(api.Services, world.Admin.Partner.Id, blocked);

        Assert.True(await world.Runner().RunOnceAsync(CancellationToken.None));

        var failed = await world.ResultOfAsync(blocked);
        Assert.Equal((MigrationOutcomeStatus.Failed, 1, EndUserMigrator.AccountOfAnotherUser), (failed.Status, failed.Attempts, failed.Reason));
        Assert.False((await AdminCalls.EndUserAsync(api.Services, blocked.EndUserId)).MigratedToSso);
        var failure = Assert.Single(await world.AuditAsync(AuditActions.UserMigrationFailed));
        Assert.Equal((world.Admin.Partner.Id, blocked.EndUserId.ToString(), AuditActor.System.Id), (failure.PartnerId, failure.TargetId, failure.ActorId));
        Assert.Equal(MigrationBatchStatus.Completed, (await world.BatchAsync()).Status);
        Assert.Null((await ClientAsync(world)).MigratedToSsoAt);
        var othersBefore = (await world.ResultsAsync()).Where(r => r.EndUserId != blocked.EndUserId).ToList();

        var operatorLogin = await AdminWorld.OperatorAsync(api.Services);
        using var browser = new SsoDriver(api);
        var tooSoon = await operatorLogin.PostAsync(browser, $"/api/admin/migration/batches/{world.BatchId}/results/{others[0].EndUserId}/retry");
        await LeftBehindUsers.UnblockAsync(api.Services, holder);
        var retry = await operatorLogin.PostAsync(browser, $"/api/admin/migration/batches/{world.BatchId}/results/{blocked.EndUserId}/retry");
        var queued = await world.ResultOfAsync(blocked);
        var reopened = await world.BatchAsync();
        Assert.True(await world.Runner().RunOnceAsync(CancellationToken.None));

        Assert.Equal(HttpStatusCode.Conflict, tooSoon.Status);
        Assert.Equal(HttpStatusCode.Accepted, retry.Status);
        Assert.Equal((MigrationOutcomeStatus.Pending, 1), (queued.Status, queued.Attempts));
        Assert.Equal((MigrationBatchStatus.Running, null), (reopened.Status, reopened.LeaseUntil));
        var retried = await world.ResultOfAsync(blocked);
        Assert.Equal((MigrationOutcomeStatus.Migrated, 2), (retried.Status, retried.Attempts));
        Assert.Equivalent(othersBefore, (await world.ResultsAsync()).Where(r => r.EndUserId != blocked.EndUserId).ToList());
        Assert.True((await AdminCalls.EndUserAsync(api.Services, blocked.EndUserId)).MigratedToSso);
        Assert.Equal(MigrationBatchStatus.Completed, (await world.BatchAsync()).Status);
        Assert.NotNull((await ClientAsync(world)).MigratedToSsoAt);
        Assert.Single(await world.AuditAsync(AuditActions.UserMigrationRetried), e => e.ActorId == operatorLogin.AccountId);
        Assert.Equal(2, (await world.AuditAsync(AuditActions.BatchCompleted)).Count);
        Assert.Equal(3, (await world.AuditAsync(AuditActions.UserMigrated)).Count);
    }

    [Fact]
    public async Task Users_already_on_sso_or_without_a_usable_email_are_skipped_with_a_reason()
    {
        var world = await ExecutionWorld.CreateAsync(api.Services, users: 2);
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var placeholder = $"deleted-{Guid.NewGuid():N}@deleted.invalid";
            await db.EndUsers.Where(u => u.Id == world.Users[1].EndUserId).ExecuteUpdateAsync(set => set.SetProperty(u => u.Email, placeholder));
        }

        Assert.True(await world.Runner().RunOnceAsync(CancellationToken.None));

        var skipped = await world.ResultOfAsync(world.Users[1]);
        Assert.Equal((MigrationOutcomeStatus.Skipped, EndUserMigrator.NoUsableEmail), (skipped.Status, skipped.Reason));
        Assert.Equal(MigrationOutcomeStatus.Migrated, (await world.ResultOfAsync(world.Users[0])).Status);
        Assert.Single(await world.AuditAsync(AuditActions.UserMigrationSkipped));
        var completed = Assert.Single(await world.AuditAsync(AuditActions.BatchCompleted));
        Assert.Null(completed.PartnerId);
        Assert.Contains("\"skipped\":1", completed.After);
    }

    private async Task<Api.Portal.Client> ClientAsync(ExecutionWorld world)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Clients.AsNoTracking().SingleAsync(c => c.Id == world.Admin.Clients[0].Id);
    }

    /// <summary>Waits (at most 30 s) for something a background runner does.</summary>
    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            await Task.Delay(50, timeout.Token);
        }
    }
}
