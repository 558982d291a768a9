using System.Net;
using Api.Audit;
using Api.Portal.LegacyLogin;
using Api.Sso.Accounts;
using Api.SsoMigration.Batches;
using Api.SsoMigration.NextLogin;

namespace Api.Tests.Migration;

/// <summary>
/// Mixed mode, exactly once: fifty log-ins of one user at the same moment, and the batch's run
/// reaching a user who is logging in (whichever of the two commits first), move the user once.
/// </summary>
[Collection(ExecutionCollection.Name)]
public sealed class NextLoginRaceTests(ExecutionApiFactory api)
{
    [Fact]
    [Trait("ASVS", "2.4.1")]
    public async Task Fifty_parallel_log_ins_of_one_user_in_the_window_make_one_account_one_result_and_one_activation_mail()
    {
        var world = await ExecutionWorld.CreateAsync(api.Services, users: 1);
        await NextLoginCalls.OpenWindowAsync(api.Services, world.BatchId);
        var user = world.Users[0];
        var browsers = Enumerable.Range(0, 50).Select(_ => new SsoDriver(api)).ToList();

        var answers = await Task.WhenAll(browsers.Select(b => b.LegacyLoginAsync(user.Email, user.Password)));

        browsers.ForEach(b => b.Dispose());
        var moved = Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        Assert.True(moved.Json!["movedToSso"]!.GetValue<bool>(), moved.ToString());
        // The others were told to use SSO (or, past the failure budget, the usual wrong-credentials answer).
        Assert.All(answers.Where(a => a != moved), a => Assert.True(
            a.Status is HttpStatusCode.Forbidden && a.Detail == LogInLegacyUser.UseSso || a.Status is HttpStatusCode.BadRequest, a.ToString()));
        Assert.Contains(answers, a => a.Status == HttpStatusCode.Forbidden);
        Assert.All(answers, a => Assert.DoesNotContain(a.SetCookies, c => c.StartsWith("__Host-sso=", StringComparison.Ordinal)));
        Assert.Equal(1, await world.AccountCountAsync());
        var result = Assert.Single(await world.ResultsAsync());
        Assert.Equal((MigrationOutcomeStatus.Migrated, 1), (result.Status, result.Attempts));
        Assert.Single(await world.AuditAsync(AuditActions.UserMigrated));
        Assert.Single(await Mailbox.WaitForAsync(api.Services, user.Email, "activation"));
    }

    [Fact]
    [Trait("ASVS", "2.4.1")]
    public async Task The_run_committing_first_moves_a_user_who_is_logging_in_and_the_log_in_finds_them_moved()
    {
        var world = await ExecutionWorld.CreateAsync(api.Services, users: 3);
        await NextLoginCalls.OpenWindowAsync(api.Services, world.BatchId);
        var target = world.Users[1];
        var runner = world.Runner();
        Task<NextLoginOutcome>? login = null;
        runner.BeforeCommit = endUserId =>
        {
            if (endUserId == target.EndUserId && login is null)
            {
                // The run holds the user's transaction: the log-in starts now and waits for it.
                login = LogInAndWaitAtTheGate(target);
            }
        };

        Assert.True(await runner.RunOnceAsync(CancellationToken.None));

        Assert.Equal(NextLoginStatus.AlreadyMoved, (await login!).Status);
        var result = await world.ResultOfAsync(target);
        Assert.Equal((MigrationOutcomeStatus.Migrated, null, 1), (result.Status, result.Reason, result.Attempts));
        // The run's move: the account carries the imported portal hash, not one made at log-in.
        Assert.True(LegacyPasswordHash.IsLegacy((await NextLoginCalls.AccountAsync(api.Services, target.Email))!.PasswordHash));
        await AssertEveryoneMovedOnceAsync(world);
        Assert.Empty(await Mailbox.MessagesAsync(api.Services, target.Email, "activation"));
    }

    [Fact]
    [Trait("ASVS", "2.4.1")]
    public async Task A_log_in_committing_first_moves_a_user_the_run_is_reaching_and_the_run_leaves_them_as_they_are()
    {
        var world = await ExecutionWorld.CreateAsync(api.Services, users: 3);
        await NextLoginCalls.OpenWindowAsync(api.Services, world.BatchId);
        var runner = world.Runner();
        TestUser? target = null;
        Task<NextLoginOutcome>? login = null;
        runner.BeforeCommit = endUserId =>
        {
            if (login is null)
            {
                // The run is committing its first user and has the others, the target among them,
                // Pending in its chunk; the log-in starts now and waits for the run's transaction.
                target = world.Users.First(u => u.EndUserId != endUserId);
                login = LogInAndWaitAtTheGate(target);
            }
        };
        // Before the run's next user, the log-in finishes first: it reaches the target before the run
        // does, whichever of the two a busy machine would have let through the writers' gate.
        runner.BeforeUserTransaction = _ => login?.Wait(TimeSpan.FromSeconds(30));

        Assert.True(await runner.RunOnceAsync(CancellationToken.None));

        Assert.Equal(NextLoginStatus.Moved, (await login!).Status);
        var result = await world.ResultOfAsync(target!);
        Assert.Equal((MigrationOutcomeStatus.Migrated, NextLoginMigration.MovedAtLogIn, 1), (result.Status, result.Reason, result.Attempts));
        Assert.False(LegacyPasswordHash.IsLegacy((await NextLoginCalls.AccountAsync(api.Services, target!.Email))!.PasswordHash));
        await AssertEveryoneMovedOnceAsync(world);
    }

    /// <summary>
    /// Starts the move of a log-in on another thread and blocks the caller (the run, inside its
    /// transaction) until the log-in is about to ask for its own: then it queues for SQLite's
    /// writers' gate behind the run's transaction and ahead of the run's next user.
    /// </summary>
    private Task<NextLoginOutcome> LogInAndWaitAtTheGate(TestUser user)
    {
        var atTheGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var login = Task.Run(() => NextLoginCalls.MoveAsync(api.Services, user, atTheGate.SetResult));
        Assert.True(Task.WaitAny([atTheGate.Task, login], TimeSpan.FromSeconds(30)) >= 0, "the log-in never reached its transaction");
        Assert.True(atTheGate.Task.IsCompleted, $"the log-in ended before its transaction: {login.Status}");
        return login;
    }

    private static async Task AssertEveryoneMovedOnceAsync(ExecutionWorld world)
    {
        Assert.Equal(MigrationBatchStatus.Completed, (await world.BatchAsync()).Status);
        Assert.All(await world.ResultsAsync(), r => Assert.Equal((MigrationOutcomeStatus.Migrated, 1), (r.Status, r.Attempts)));
        Assert.All((await world.EndUsersAsync()).Values, u => Assert.True(u.MigratedToSso && u.LegacyPasswordHash is null));
        Assert.Equal(3, await world.AccountCountAsync());
        Assert.Equal(3, (await world.AuditAsync(AuditActions.UserMigrated)).Count);
    }
}
