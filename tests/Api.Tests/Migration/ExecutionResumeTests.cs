using Api.Audit;
using Api.SsoMigration.Batches;

namespace Api.Tests.Migration;

/// <summary>Exactly once: a run killed at the worst moment, or two runners at once, still migrate every user once.</summary>
[Collection(ExecutionCollection.Name)]
public sealed class ExecutionResumeTests(ExecutionApiFactory api)
{
    [Fact]
    public async Task A_run_killed_before_a_commit_is_resumed_by_another_runner_once_the_lease_expires_and_migrates_everyone_once()
    {
        var world = await ExecutionWorld.CreateAsync(api.Services, users: 12);
        var first = world.Runner();
        var migrated = 0;
        first.BeforeCommit = _ =>
        {
            if (++migrated == 5)
            {
                throw new InvalidOperationException("replica killed");
            }
        };

        await Assert.ThrowsAsync<InvalidOperationException>(() => first.RunOnceAsync(CancellationToken.None));
        var second = world.Runner();
        var whileLeased = await second.RunOnceAsync(CancellationToken.None);
        world.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        var afterExpiry = await second.RunOnceAsync(CancellationToken.None);

        Assert.False(whileLeased);
        Assert.True(afterExpiry);
        var batch = await world.BatchAsync();
        Assert.Equal(MigrationBatchStatus.Completed, batch.Status);
        Assert.Null(batch.LeaseOwner);
        var results = await world.ResultsAsync();
        Assert.Equal(12, results.Count);
        Assert.All(results, r => Assert.Equal(MigrationOutcomeStatus.Migrated, r.Status));
        // The killed attempt rolled back with its claim: nobody counts two attempts.
        Assert.All(results, r => Assert.Equal(1, r.Attempts));
        Assert.All((await world.EndUsersAsync()).Values, u => Assert.True(u.MigratedToSso && u.SsoAccountId is not null && u.LegacyPasswordHash is null));
        Assert.Equal(12, await world.AccountCountAsync());
        Assert.Equal(12, (await world.AuditAsync(AuditActions.UserMigrated)).Count);
        Assert.Single(await world.AuditAsync(AuditActions.BatchStarted));
        Assert.Single(await world.AuditAsync(AuditActions.BatchCompleted));
    }

    [Fact]
    public async Task A_run_cancelled_between_users_resumes_where_it_stopped()
    {
        var world = await ExecutionWorld.CreateAsync(api.Services, users: 6);
        using var stop = new CancellationTokenSource();
        var runner = world.Runner();
        var migrated = 0;
        runner.BeforeCommit = _ =>
        {
            if (++migrated == 3)
            {
                stop.Cancel();
            }
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.RunOnceAsync(stop.Token));
        var done = (await world.ResultsAsync()).Count(r => r.Status == MigrationOutcomeStatus.Migrated);
        world.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(await world.Runner().RunOnceAsync(CancellationToken.None));

        Assert.InRange(done, 2, 3);
        Assert.All(await world.ResultsAsync(), r => Assert.Equal((MigrationOutcomeStatus.Migrated, 1), (r.Status, r.Attempts)));
        Assert.Equal(6, await world.AccountCountAsync());
        Assert.Equal(6, (await world.AuditAsync(AuditActions.UserMigrated)).Count);
    }

    [Fact]
    public async Task Two_runners_started_together_on_one_batch_hold_one_lease_and_migrate_everyone_once()
    {
        var world = await ExecutionWorld.CreateAsync(api.Services, users: 10);
        var (one, two) = (world.Runner(), world.Runner());

        var ran = await Task.WhenAll(one.RunOnceAsync(CancellationToken.None), two.RunOnceAsync(CancellationToken.None));

        Assert.Single(ran, r => r);
        Assert.All(await world.ResultsAsync(), r => Assert.Equal((MigrationOutcomeStatus.Migrated, 1), (r.Status, r.Attempts)));
        Assert.Equal(10, await world.AccountCountAsync());
        Assert.Equal(10, (await world.AuditAsync(AuditActions.UserMigrated)).Count);
        Assert.Single(await world.AuditAsync(AuditActions.BatchCompleted));
    }
}
