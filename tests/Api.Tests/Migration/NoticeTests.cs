using System.Net;
using Api.Data;
using Api.Shared;
using Api.SsoMigration.Batches;
using Api.SsoMigration.Notices;
using Api.Tests.Admin;
using Api.Tests.Sso;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Migration;

/// <summary>The "two weeks before" notice and the others: to whom, what they say, and that each is sent once whatever runs in parallel.</summary>
[Collection(SsoCollection.Name)]
public sealed class NoticeTests(SsoApiFactory api)
{
    [Fact]
    public async Task A_batch_within_two_weeks_is_announced_at_once_to_each_partner_admin_with_the_steps_to_forward()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var first = await world.StaffAsync();
        var second = await world.StaffAsync();
        var technician = await world.StaffAsync(ProductRoles.PartnerTechnician);
        await world.EndUserAsync(SsoUserState.Legacy);
        await world.EndUserAsync(SsoUserState.Legacy);
        var @operator = await AdminWorld.OperatorAsync(api.Services);
        using var browser = new SsoDriver(api);

        var id = await @operator.CreateBatchAsync(browser, world.Clients, daysAhead: 10);

        var notice = Assert.Single(await MigrationCalls.NoticesAsync(api.Services, id));
        Assert.Equal(MigrationNoticeKind.Upcoming, notice.Kind);
        Assert.Equal(world.Partner.Id, notice.PartnerId);
        var mail = Assert.Single(await MigrationCalls.NoticeMailsAsync(api.Services, first.Email));
        Assert.Single(await MigrationCalls.NoticeMailsAsync(api.Services, second.Email));
        Assert.Empty(await MigrationCalls.NoticeMailsAsync(api.Services, technician.Email));
        var batch = await MigrationCalls.BatchAsync(api.Services, id);
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(batch.ScheduledAt, DateTimeKind.Utc), TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam"));
        Assert.Equal($"Your clients move to Single Sign-On on {local:d MMMM yyyy}", mail.Subject);
        Assert.Contains($"{local:d MMMM yyyy, HH:mm} (Europe/Amsterdam)", mail.TextBody);
        Assert.Contains($"- {world.Clients[0].Name}: 2 end users", mail.TextBody);
        Assert.Contains($"- {world.Clients[1].Name}: 0 end users", mail.TextBody);
        foreach (var step in new[] { "Log in with Single Sign-On", "click Next", "Password", "click Login", "activate your email account", "MFA Code", "Forgot Password", "DoNotReply@" })
        {
            Assert.Contains(step, mail.TextBody);
        }

        var detail = await @operator.GetAsync(browser, $"{MigrationCalls.Batches}/{id}");
        var sent = Assert.Single(detail.Json!["notices"]!.AsArray())!;
        Assert.Equal("upcoming", sent["kind"]!.GetValue<string>());
        Assert.Equal(world.Partner.Name, sent["partnerName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Fifty_parallel_passes_and_two_sender_instances_send_the_upcoming_notice_and_its_emails_once()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var other = await AdminWorld.CreateAsync(api.Services, clients: 1);
        var admins = new[] { await world.StaffAsync(), await world.StaffAsync(), await other.StaffAsync() };
        var @operator = await AdminWorld.OperatorAsync(api.Services);
        using var browser = new SsoDriver(api);
        var id = await @operator.CreateBatchAsync(browser, [.. world.Clients, .. other.Clients], daysAhead: 30);
        Assert.Empty(await MigrationCalls.NoticesAsync(api.Services, id));
        await MigrationCalls.MoveDateAsync(api.Services, id, daysAhead: 13); // as if 17 days had passed

        var senders = new[] { NewSender(), NewSender() };
        var passes = Enumerable.Range(0, 50).Select(async i =>
        {
            await Task.Yield();
            if (i < senders.Length)
            {
                return await senders[i].RunOnceAsync(CancellationToken.None);
            }

            await using var scope = api.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<MigrationNotices>().SendDueUpcomingAsync(CancellationToken.None);
        });
        var sent = await Task.WhenAll(passes);

        // The Api's own sender may have been first: together, never more than once per partner.
        Assert.InRange(sent.Sum(), 0, 2);
        var notices = await MigrationCalls.NoticesAsync(api.Services, id);
        Assert.Equal(2, notices.Count);
        Assert.All(notices, n => Assert.Equal(MigrationNoticeKind.Upcoming, n.Kind));
        Assert.Equal(new[] { world.Partner.Id, other.Partner.Id }.Order(), notices.Select(n => n.PartnerId).Order());
        foreach (var admin in admins)
        {
            Assert.Single(await MigrationCalls.NoticeMailsAsync(api.Services, admin.Email));
        }

        // And later passes find nothing left to do.
        Assert.Equal(0, await senders[0].RunOnceAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_failed_notice_tells_each_partner_how_many_of_its_users_could_not_be_moved()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var admin = await world.StaffAsync();
        var failed = await world.EndUserAsync(SsoUserState.Legacy);
        var @operator = await AdminWorld.OperatorAsync(api.Services);
        using var browser = new SsoDriver(api);
        var id = await @operator.CreateBatchAsync(browser, world.Clients, daysAhead: 30);

        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.MigrationResults.Add(new MigrationResult { BatchId = id, EndUserId = failed.EndUserId, Status = MigrationOutcomeStatus.Failed, Reason = "Test failure." });
            await db.SaveChangesAsync();
            var batch = await db.MigrationBatches.AsNoTracking().SingleAsync(b => b.Id == id);
            await scope.ServiceProvider.GetRequiredService<MigrationNotices>().QueueFailedAsync(batch, CancellationToken.None);
        }

        var notice = Assert.Single(await MigrationCalls.NoticesAsync(api.Services, id));
        Assert.Equal(MigrationNoticeKind.Failed, notice.Kind);
        var mail = Assert.Single(await MigrationCalls.NoticeMailsAsync(api.Services, admin.Email));
        Assert.Contains($"- {world.Clients[0].Name}: 1 end user", mail.TextBody);
        Assert.DoesNotContain(world.Clients[1].Name, mail.TextBody);
        Assert.Equal(HttpStatusCode.OK, (await @operator.GetAsync(browser, $"{MigrationCalls.Batches}/{id}")).Status);
    }

    private UpcomingNoticeSender NewSender() => ActivatorUtilities.CreateInstance<UpcomingNoticeSender>(api.Services);
}
