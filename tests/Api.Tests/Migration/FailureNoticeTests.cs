using System.Net;
using System.Text.Json.Nodes;
using Api.Audit;
using Api.SsoMigration.Batches;
using Api.SsoMigration.Notices;
using Api.SsoMigration.Planning;
using Api.Tests.Admin;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Migration;

/// <summary>
/// Failures reach people: a run that ends with failed users, or that the operator pauses, mails
/// the partners concerned once, shows on their admin home (the banner's data), and the date the
/// operator then sets is mailed too, and kept: the run goes on at that date.
/// </summary>
[Collection(ExecutionCollection.Name)]
public sealed class FailureNoticeTests(ExecutionApiFactory api)
{
    private const string FailedSubject = "Some of your clients' end users could not be moved to Single Sign-On";

    [Fact]
    public async Task A_run_with_failed_users_mails_the_partner_once_shows_on_their_home_and_the_new_date_is_mailed_and_kept()
    {
        var world = await ExecutionWorld.CreateAsync(api.Services, users: 3);
        var admin = await world.Admin.StaffAsync();
        var blocked = world.Users[0];
        var holder = await LeftBehindUsers.BlockWithAccountOfAnotherUserAsync(api.Services, world.Admin.Partner.Id, blocked);
        await AnnounceAsync();
        var @operator = await AdminWorld.OperatorAsync(api.Services);
        using var browser = new SsoDriver(api);

        // Two replicas at once: one runs the batch and completes it.
        await Task.WhenAll(world.Runner().RunOnceAsync(CancellationToken.None), world.Runner().RunOnceAsync(CancellationToken.None));
        // The operator retries at once; the cause is still there, so the batch completes with a failure again.
        Assert.Equal(HttpStatusCode.Accepted, (await @operator.PostAsync(browser, $"{MigrationCalls.Batches}/{world.BatchId}/results/{blocked.EndUserId}/retry")).Status);
        Assert.True(await world.Runner().RunOnceAsync(CancellationToken.None));

        var announced = await MigrationCalls.NoticeMailsAsync(api.Services, admin.Email);
        Assert.Equal(2, announced.Count);
        var mail = announced[1];
        Assert.Equal(FailedSubject, mail.Subject);
        Assert.Contains($"- {world.Admin.Clients[0].Name}: 1 end user", mail.TextBody);
        Assert.Contains("retried automatically at the next run; we will e-mail you its date as soon as it is set", mail.TextBody);
        Assert.Contains($"https://localhost/{NoticeEmails.NeedsAttentionPath}", mail.TextBody);
        Assert.Contains($"https://localhost/{NoticeEmails.HelpPath}", mail.TextBody);
        var home = Assert.Single(await UpcomingAsync(admin, browser))!;
        Assert.Equal(("completed", 1), (home["status"]!.GetValue<string>(), home["clients"]![0]!["failed"]!.GetValue<int>()));

        var newDate = MigrationCalls.DaysAhead(3);
        var rescheduled = await @operator.PostAsync(browser, $"{MigrationCalls.Batches}/{world.BatchId}/reschedule", new { scheduledAt = newDate, timeZone = "Europe/Amsterdam" });

        Assert.Equal(HttpStatusCode.NoContent, rescheduled.Status);
        var mails = await MigrationCalls.NoticeMailsAsync(api.Services, admin.Email);
        Assert.Equal(3, mails.Count);
        Assert.StartsWith("New date:", mails[2].Subject);
        Assert.Contains(BatchSchedule.Describe(newDate.UtcDateTime, "Europe/Amsterdam"), mails[2].TextBody);
        Assert.Contains($"- {world.Admin.Clients[0].Name}: 1 end user", mails[2].TextBody);
        var planned = Assert.Single(await UpcomingAsync(admin, browser))!;
        Assert.Equal(("scheduled", true, 0), (planned["status"]!.GetValue<string>(), planned["resumes"]!.GetValue<bool>(), planned["clients"]![0]!["failed"]!.GetValue<int>()));

        // The cause fixed, the run at the new date moves the user, and nobody is mailed again.
        await LeftBehindUsers.UnblockAsync(api.Services, holder);
        world.Clock.Advance(TimeSpan.FromDays(3));
        Assert.True(await world.Runner().RunOnceAsync(CancellationToken.None));

        Assert.Equal(MigrationBatchStatus.Completed, (await world.BatchAsync()).Status);
        Assert.Equal((MigrationOutcomeStatus.Migrated, 3), ((await world.ResultOfAsync(blocked)).Status, (await world.ResultOfAsync(blocked)).Attempts));
        Assert.Equal(3, (await MigrationCalls.NoticeMailsAsync(api.Services, admin.Email)).Count);
        Assert.Empty(await UpcomingAsync(admin, browser));
    }

    [Fact]
    public async Task A_paused_run_mails_its_partner_once_under_fifty_clicks_waits_and_goes_on_at_the_date_set()
    {
        var world = await ExecutionWorld.CreateAsync(api.Services, users: 6);
        var admin = await world.Admin.StaffAsync();
        await AnnounceAsync();
        var @operator = await AdminWorld.OperatorAsync(api.Services);
        using var browser = new SsoDriver(api);
        using var stop = new CancellationTokenSource();
        var runner = world.Runner();
        var migrated = 0;
        runner.BeforeCommit = _ =>
        {
            if (++migrated == 3)
            {
                stop.Cancel(); // the replica goes away mid-run: the batch is running, three users wait
            }
        };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.RunOnceAsync(stop.Token));

        var pauses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => @operator.PostAsync(browser, $"{MigrationCalls.Batches}/{world.BatchId}/pause")));
        world.Clock.Advance(TimeSpan.FromMinutes(2)); // the lease has expired, but a paused batch is nobody's to take
        var ranWhilePaused = await world.Runner().RunOnceAsync(CancellationToken.None);

        Assert.Single(pauses, p => p.Status == HttpStatusCode.NoContent);
        Assert.All(pauses.Where(p => p.Status != HttpStatusCode.NoContent), p => Assert.Equal("Only a running batch can be paused.", p.Detail));
        Assert.False(ranWhilePaused);
        Assert.Equal(MigrationBatchStatus.Paused, (await world.BatchAsync()).Status);
        var waiting = (await world.ResultsAsync()).Count(r => r.Status == MigrationOutcomeStatus.Pending);
        Assert.InRange(waiting, 3, 4);
        var told = await MigrationCalls.NoticeMailsAsync(api.Services, admin.Email);
        Assert.Equal(2, told.Count);
        var mail = told[1];
        Assert.Equal("Paused: the move of your clients to Single Sign-On", mail.Subject);
        Assert.Contains($"- {world.Admin.Clients[0].Name}: {waiting} end users", mail.TextBody);
        Assert.Contains("We will e-mail you the new date as soon as it is set.", mail.TextBody);
        Assert.Single(await world.AuditAsync(AuditActions.BatchPaused));
        Assert.Equal("paused", Assert.Single(await UpcomingAsync(admin, browser))!["status"]!.GetValue<string>());

        var newDate = MigrationCalls.DaysAhead(2);
        Assert.Equal(HttpStatusCode.NoContent, (await @operator.PostAsync(browser, $"{MigrationCalls.Batches}/{world.BatchId}/reschedule", new { scheduledAt = newDate, timeZone = "Europe/Amsterdam" })).Status);
        var mails = await MigrationCalls.NoticeMailsAsync(api.Services, admin.Email);
        Assert.Equal(3, mails.Count);
        Assert.StartsWith("New date:", mails[2].Subject);
        Assert.Contains(BatchSchedule.Describe(newDate.UtcDateTime, "Europe/Amsterdam"), mails[2].TextBody);

        world.Clock.Advance(TimeSpan.FromDays(2));
        Assert.True(await world.Runner().RunOnceAsync(CancellationToken.None));

        Assert.Equal(MigrationBatchStatus.Completed, (await world.BatchAsync()).Status);
        Assert.All(await world.ResultsAsync(), r => Assert.Equal((MigrationOutcomeStatus.Migrated, 1), (r.Status, r.Attempts)));
        Assert.Equal(6, await world.AccountCountAsync());
    }

    [Fact]
    public async Task A_pause_that_lands_while_the_runner_works_stops_it_at_the_next_user()
    {
        var world = await ExecutionWorld.CreateAsync(api.Services, users: 30);
        var @operator = await AdminWorld.OperatorAsync(api.Services);
        using var browser = new SsoDriver(api);
        var runner = world.Runner();
        Task<SsoResponse>? pausing = null;
        var migrated = 0;
        runner.BeforeCommit = _ =>
        {
            if (++migrated == 2)
            {
                pausing = Task.Run(() => @operator.PostAsync(browser, $"{MigrationCalls.Batches}/{world.BatchId}/pause"));
            }
        };
        // The pause lands before the next user's transaction, whatever the machine's speed: without
        // this wait a slow request could arrive after the run had finished all thirty (409).
        runner.BeforeUserTransaction = _ => pausing?.Wait();

        Assert.True(await runner.RunOnceAsync(CancellationToken.None));

        Assert.Equal(HttpStatusCode.NoContent, (await pausing!).Status);
        Assert.Equal(MigrationBatchStatus.Paused, (await world.BatchAsync()).Status);
        var results = await world.ResultsAsync();
        var moved = results.Count(r => r.Status == MigrationOutcomeStatus.Migrated);
        Assert.InRange(moved, 2, 29);
        Assert.Equal(30 - moved, results.Count(r => r.Status == MigrationOutcomeStatus.Pending));
        Assert.All(results.Where(r => r.Status == MigrationOutcomeStatus.Pending), r => Assert.Equal(0, r.Attempts));
        Assert.Equal(moved, await world.AccountCountAsync());
    }

    /// <summary>The two-week notice, as the sender sends it for the world's batch (a day ahead: due).</summary>
    private async Task AnnounceAsync()
    {
        await using var scope = api.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<MigrationNotices>().SendDueUpcomingAsync(CancellationToken.None));
    }

    private static async Task<JsonArray> UpcomingAsync(StaffLogin staff, SsoDriver browser)
    {
        var answer = await staff.GetAsync(browser, "/api/admin/migration/upcoming");
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        return JsonNode.Parse(answer.Body)!.AsArray();
    }
}
