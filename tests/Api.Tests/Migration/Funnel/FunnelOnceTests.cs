using System.Diagnostics.Metrics;
using Api.Shared;
using Api.Sso.Accounts;
using Api.SsoMigration;
using Api.SsoMigration.Funnel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Api.Tests.Migration.Funnel;

/// <summary>
/// A milestone is written once whatever the number of reports at once, and "signed in again"
/// means a later SSO session within 30 days of the first portal sign-in — on a clock the test moves.
/// </summary>
[Collection(ExecutionCollection.Name)]
public sealed class FunnelOnceTests(ExecutionApiFactory api)
{
    private const int Parallel = 50;

    [Fact]
    public async Task Fifty_parallel_reports_of_an_activation_write_one_milestone_and_count_one()
    {
        using var activations = new MetricCollector<long>(api.Services.GetRequiredService<IMeterFactory>(), MigrationMetrics.MeterName, "migration.funnel.activations");
        var (world, accountId) = await MovedUserAsync();

        await Task.WhenAll(Enumerable.Range(0, Parallel).Select(async _ =>
        {
            await using var scope = api.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AccountMilestones>()
                .ReachedAsync(new AccountMilestoneReached(accountId, AccountMilestone.EmailActivated));
        }));

        var milestone = Assert.Single(await FunnelCalls.MilestonesOfAsync(api.Services, world.Users[0].EndUserId));
        Assert.Equal((FunnelStep.EmailActivated, world.BatchId), (milestone.Step, milestone.BatchId));
        Assert.Single(activations.GetMeasurementSnapshot());
    }

    [Fact]
    public async Task Fifty_parallel_portal_authorizations_in_one_session_write_one_first_sign_in_and_no_return()
    {
        var world = await ExecutionWorld.CreateAsync(api.Services, users: 1);
        Assert.True(await world.Runner().RunOnceAsync(CancellationToken.None));
        using var browser = await FunnelCalls.FirstSignInAsync(api, world.Users[0]);
        await using (var scope = api.Services.CreateAsyncScope())
        {
            // As if the first sign-in had not been written yet: fifty renewals race to write it.
            var db = scope.ServiceProvider.GetRequiredService<Api.Data.AppDbContext>();
            db.FunnelMilestones.RemoveRange(db.FunnelMilestones.Where(m => m.EndUserId == world.Users[0].EndUserId && m.Step == FunnelStep.FirstPortalSignIn));
            await db.SaveChangesAsync();
        }

        var callbacks = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(_ => browser.AuthorizeAsync()));

        Assert.All(callbacks, callback => Assert.NotNull(SsoDriver.CodeIn(callback)));
        var steps = (await FunnelCalls.MilestonesOfAsync(api.Services, world.Users[0].EndUserId)).Select(m => m.Step).ToList();
        Assert.Equal([FunnelStep.EmailActivated, FunnelStep.AuthenticatorEnrolled, FunnelStep.FirstPortalSignIn], steps);
    }

    [Fact]
    public async Task A_sign_in_in_a_later_session_counts_as_a_return_within_30_days_and_not_after()
    {
        var (early, earlyAccount) = await MovedUserAsync();
        var (late, lateAccount) = await MovedUserAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);

        await SignedInAsync(clock, earlyAccount, "session-1");
        await SignedInAsync(clock, lateAccount, "session-1");
        clock.Advance(TimeSpan.FromHours(1));
        await SignedInAsync(clock, earlyAccount, "session-1"); // a renewal of the same session
        Assert.DoesNotContain(await StepsAsync(early), s => s == FunnelStep.ReturnedWithin30Days);

        clock.Advance(TimeSpan.FromDays(29));
        await SignedInAsync(clock, earlyAccount, "session-2");
        clock.Advance(TimeSpan.FromDays(1));
        await SignedInAsync(clock, lateAccount, "session-2");

        Assert.Equal([FunnelStep.FirstPortalSignIn, FunnelStep.ReturnedWithin30Days], await StepsAsync(early));
        Assert.Equal([FunnelStep.FirstPortalSignIn], await StepsAsync(late));
    }

    [Fact]
    public async Task Sign_ins_to_another_product_and_accounts_no_batch_moved_write_nothing()
    {
        var (world, accountId) = await MovedUserAsync();
        var staff = await world.Admin.AddStaffAsync();

        await using (var scope = api.Services.CreateAsyncScope())
        {
            var milestones = scope.ServiceProvider.GetRequiredService<AccountMilestones>();
            await milestones.ReachedAsync(new AccountMilestoneReached(accountId, AccountMilestone.SignedIn, RmmConsole.ClientId, "rmm-session"));
            await milestones.ReachedAsync(new AccountMilestoneReached(staff.Account.Id, AccountMilestone.SignedIn, PortalProduct.ClientId, "staff-session"));
        }

        Assert.Empty(await FunnelCalls.MilestonesOfAsync(api.Services, world.Users[0].EndUserId));
    }

    /// <summary>A world whose one user a batch moved; the user's SSO account id.</summary>
    private async Task<(ExecutionWorld World, string AccountId)> MovedUserAsync()
    {
        var world = await ExecutionWorld.CreateAsync(api.Services, users: 1);
        Assert.True(await world.Runner().RunOnceAsync(CancellationToken.None));
        var row = await AdminCalls.EndUserAsync(api.Services, world.Users[0].EndUserId);
        return (world, row.SsoAccountId!);
    }

    /// <summary>What the SSO reports when the portal gets a code for the account in this session, at the clock's time.</summary>
    private async Task SignedInAsync(TimeProvider clock, string accountId, string sessionId)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var recorder = ActivatorUtilities.CreateInstance<FunnelMilestoneRecorder>(scope.ServiceProvider, clock);
        await recorder.ReachedAsync(new AccountMilestoneReached(accountId, AccountMilestone.SignedIn, PortalProduct.ClientId, sessionId));
    }

    private async Task<List<FunnelStep>> StepsAsync(ExecutionWorld world) =>
        [.. (await FunnelCalls.MilestonesOfAsync(api.Services, world.Users[0].EndUserId)).Select(m => m.Step)];
}
