using System.Net;
using Api.Data;
using Api.SsoMigration.Batches;
using Api.Tests.Migration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Reminders;

/// <summary>Seven days after a batch, a partner whose moved users activated below half gets one digest per batch: counts and clients.</summary>
[Collection(RemindersCollection.Name)]
public sealed class DigestTests(RemindersApiFactory api)
{
    [Fact]
    public async Task Below_half_activated_after_seven_days_each_partner_admin_gets_the_digest_once_whatever_runs_at_once()
    {
        var world = await ReminderWorld.CreateAsync(api.Services);
        for (var i = 0; i < 3; i++)
        {
            await world.MovedUserAsync(SsoUserState.MigratedPending, client: 0);
        }

        await world.MovedUserAsync(SsoUserState.Enrolled, client: 1);
        var admins = new[] { await world.Admin.StaffAsync(), await world.Admin.StaffAsync() };
        var technician = await world.Admin.StaffAsync(Api.Shared.ProductRoles.PartnerTechnician);

        Assert.Equal(0, (await world.PassAsync(days: 6.9)).Digests);
        var clock = world.ClockAt(days: 7.1);
        var passes = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => world.Sender(clock).RunOnceAsync(CancellationToken.None)));
        Assert.Equal(0, (await world.PassAsync(days: 8)).Digests);

        Assert.Equal(1, passes.Sum(p => p.Digests));
        var notice = Assert.Single(await MigrationCalls.NoticesAsync(api.Services, world.BatchId));
        Assert.Equal(MigrationNoticeKind.LowActivation, notice.Kind);
        foreach (var admin in admins)
        {
            var mail = Assert.Single(await MigrationCalls.NoticeMailsAsync(api.Services, admin.Email));
            Assert.StartsWith("Activation below 50 %: your clients' move to Single Sign-On on ", mail.Subject);
            Assert.Contains("1 of 4 have activated their e-mail account (25 %)", mail.TextBody);
            Assert.Contains($"- {world.Admin.Clients[0].Name}: 0 of 3 activated (0 %), 0 with an authenticator set up", mail.TextBody);
            Assert.DoesNotContain(world.Admin.Clients[1].Name, mail.TextBody);
            Assert.Contains("Send reminder", mail.TextBody);
        }

        Assert.Empty(await MigrationCalls.NoticeMailsAsync(api.Services, technician.Email));
        var @operator = await AdminWorld.OperatorAsync(api.Services);
        using var browser = new SsoDriver(api);
        var detail = await @operator.GetAsync(browser, $"{MigrationCalls.Batches}/{world.BatchId}");
        Assert.Equal(HttpStatusCode.OK, detail.Status);
        Assert.Equal("low-activation", Assert.Single(detail.Json!["notices"]!.AsArray())!["kind"]!.GetValue<string>());
    }

    [Fact]
    public async Task Half_or_more_activated_sends_no_digest()
    {
        var world = await ReminderWorld.CreateAsync(api.Services);
        await world.MovedUserAsync(SsoUserState.MigratedPending);
        await world.MovedUserAsync(SsoUserState.Activated);
        var admin = await world.Admin.StaffAsync();

        await world.PassAsync(days: 7.1);
        await world.PassAsync(days: 8.5);

        Assert.Empty(await MigrationCalls.NoticeMailsAsync(api.Services, admin.Email));
        Assert.Empty(await MigrationCalls.NoticesAsync(api.Services, world.BatchId));
    }

    [Fact]
    public async Task Each_partner_of_a_batch_is_judged_on_its_own_users()
    {
        var world = await ReminderWorld.CreateAsync(api.Services);
        var other = await AdminWorld.CreateAsync(api.Services, clients: 1);
        await world.ChangeAsync(async db =>
        {
            db.Set<MigrationBatchClient>().Add(new MigrationBatchClient { BatchId = world.BatchId, ClientId = other.Clients[0].Id });
            await db.SaveChangesAsync();
        });
        await world.MovedUserAsync(SsoUserState.MigratedPending);
        var doingWell = await other.EndUserAsync(SsoUserState.Enrolled);
        await world.ChangeAsync(async db =>
        {
            db.MigrationResults.Add(new MigrationResult { BatchId = world.BatchId, EndUserId = doingWell.EndUserId, Status = MigrationOutcomeStatus.Migrated });
            await db.SaveChangesAsync();
        });
        var mine = await world.Admin.StaffAsync();
        var theirs = await other.StaffAsync();

        await world.PassAsync(days: 7.5);

        Assert.Single(await MigrationCalls.NoticeMailsAsync(api.Services, mine.Email));
        Assert.Empty(await MigrationCalls.NoticeMailsAsync(api.Services, theirs.Email));
        await world.ChangeAsync(async db => Assert.Equal(
            [world.Admin.Partner.Id],
            await db.MigrationNotices.Where(n => n.BatchId == world.BatchId).Select(n => n.PartnerId).ToListAsync()));
    }
}
