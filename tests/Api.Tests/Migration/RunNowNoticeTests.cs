using System.Net;
using Api.Audit;
using Api.SsoMigration.Batches;
using Api.SsoMigration.Notices;
using Api.SsoMigration.Planning;
using Api.Tests.Admin;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Migration;

/// <summary>
/// Run now and the partners: a batch whose partners were told a later date runs only once the
/// operator confirms the broken notice, and then the partners are mailed at once, exactly once
/// however many clicks; a batch never announced is announced by the run itself.
/// </summary>
[Collection(ExecutionCollection.Name)]
public sealed class RunNowNoticeTests(ExecutionApiFactory api)
{
    [Fact]
    public async Task Run_now_on_an_announced_batch_is_refused_until_confirmed_then_fifty_clicks_mail_the_partner_once()
    {
        var world = await ExecutionWorld.CreateAsync(api.Services, users: 3);
        var admin = await world.Admin.StaffAsync();
        await using (var scope = api.Services.CreateAsyncScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<MigrationNotices>().SendDueUpcomingAsync(CancellationToken.None));
        }

        var told = (await world.BatchAsync()).ScheduledAt;
        var @operator = await AdminWorld.OperatorAsync(api.Services);
        using var browser = new SsoDriver(api);
        var run = $"{MigrationCalls.Batches}/{world.BatchId}/run";

        var refused = await @operator.PostAsync(browser, run);
        var stillScheduled = await world.BatchAsync();
        var clicks = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => @operator.PostAsync(browser, run, new { confirmShortNotice = true })));

        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Equal(
            $"Partners were told this batch runs on {BatchSchedule.Describe(told, "Europe/Amsterdam")}. Running it now breaks the two weeks' notice they were promised: "
            + "confirm that you want to do it, and they are e-mailed at once.",
            refused.Detail);
        Assert.Equal((MigrationBatchStatus.Scheduled, told), (stillScheduled.Status, stillScheduled.ScheduledAt));
        Assert.All(clicks, click => Assert.Equal(HttpStatusCode.Accepted, click.Status));
        var mails = await MigrationCalls.NoticeMailsAsync(api.Services, admin.Email);
        Assert.Equal(2, mails.Count);
        Assert.StartsWith("Your clients move to Single Sign-On on ", mails[0].Subject);
        Assert.StartsWith("Earlier date:", mails[1].Subject);
        Assert.Contains($"announced for {BatchSchedule.Describe(told, "Europe/Amsterdam")}, has been brought forward", mails[1].TextBody);
        Assert.Single(await MigrationCalls.NoticesAsync(api.Services, world.BatchId), n => n.Kind == MigrationNoticeKind.BroughtForward);
        Assert.Single(await world.AuditAsync(AuditActions.BatchStarted));

        while (await world.Runner().RunOnceAsync(CancellationToken.None))
        {
        }

        Assert.All(await world.ResultsAsync(), r => Assert.Equal(MigrationOutcomeStatus.Migrated, r.Status));
        Assert.Equal(2, (await MigrationCalls.NoticeMailsAsync(api.Services, admin.Email)).Count);
    }

    [Fact]
    public async Task Run_now_on_a_batch_never_announced_sends_the_announcement_at_once()
    {
        var world = await ExecutionWorld.CreateAsync(api.Services, users: 1);
        var admin = await world.Admin.StaffAsync();
        var @operator = await AdminWorld.OperatorAsync(api.Services);
        using var browser = new SsoDriver(api);

        var run = await @operator.PostAsync(browser, $"{MigrationCalls.Batches}/{world.BatchId}/run");

        Assert.Equal(HttpStatusCode.Accepted, run.Status);
        var mail = Assert.Single(await MigrationCalls.NoticeMailsAsync(api.Services, admin.Email));
        Assert.StartsWith("Your clients move to Single Sign-On on ", mail.Subject);
        Assert.DoesNotContain("disregard", mail.TextBody, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"- {world.Admin.Clients[0].Name}: 1 end user", mail.TextBody);
        Assert.Equal(MigrationNoticeKind.Upcoming, Assert.Single(await MigrationCalls.NoticesAsync(api.Services, world.BatchId)).Kind);
    }
}
