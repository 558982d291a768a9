using System.Net;
using Api.Data;
using Api.Portal;
using Api.Sso.Accounts;
using Api.SsoMigration.Funnel;
using Api.Tests.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Migration.Funnel;

/// <summary>
/// The funnel reads tallies kept as things happen, not a count of 275,000 rows: after every kind
/// of change — a move, steps taken, a rollback, a retry, a move to another client, a deletion, a
/// new time zone, fifty activations at once — the tallies are exactly what a recount from the
/// events gives, and the funnel a partner sees says the same.
/// </summary>
[Collection(ExecutionCollection.Name)]
public sealed class FunnelTallyTests(ExecutionApiFactory api)
{
    private const int Parallel = 50;

    [Fact]
    public async Task After_each_change_to_a_users_place_the_tallies_are_a_recount_of_the_events()
    {
        var world = await ExecutionWorld.CreateAsync(api.Services, users: 4);
        var (activates, signsIn, staysMoved, isDeleted) = (world.Users[0], world.Users[1], world.Users[2], world.Users[3]);
        var admin = await world.Admin.StaffAsync();
        var operatorLogin = await AdminWorld.OperatorAsync(api.Services);
        using var browser = new SsoDriver(api);
        Assert.True(await world.Runner().RunOnceAsync(CancellationToken.None));
        await AssertTalliesAreTheEventsAsync(world.BatchId);

        using (var signIn = new SsoDriver(api))
        {
            await FunnelCalls.ActivateAsync(api, signIn, activates);
        }

        (await FunnelCalls.FirstSignInAsync(api, signsIn)).Dispose();
        await AssertTalliesAreTheEventsAsync(world.BatchId);
        Assert.Equal((4, 2, 1, 1, 0), (await admin.CountsAsync(browser, world.BatchId)).Row);

        var otherClient = await AddClientAsync(world.Admin.Partner.Id);
        var row = await AdminCalls.EndUserAsync(api.Services, signsIn.EndUserId);
        var moveClient = await admin.SendAsync(browser, HttpMethod.Put, $"/api/admin/end-users/{signsIn.EndUserId}",
            new { name = row.DisplayName, email = row.Email, role = row.Role, clientId = otherClient });
        Assert.Equal(HttpStatusCode.NoContent, moveClient.Status);
        await AssertTalliesAreTheEventsAsync(world.BatchId);
        Assert.Equal((1, 1, 1, 1, 0), (await admin.CountsAsync(browser, world.BatchId, otherClient)).Row);
        Assert.Equal((3, 1, 0, 0, 0), (await admin.CountsAsync(browser, world.BatchId, world.Admin.Clients[0].Id)).Row);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.SendAsync(browser, HttpMethod.Delete, $"/api/admin/end-users/{isDeleted.EndUserId}")).Status);
        var rollBack = await operatorLogin.PostAsync(browser, $"{MigrationCalls.Batches}/{world.BatchId}/results/{activates.EndUserId}/rollback");
        Assert.Equal(HttpStatusCode.NoContent, rollBack.Status);
        await AssertTalliesAreTheEventsAsync(world.BatchId);
        Assert.Equal((2, 1, 1, 1, 0), (await admin.CountsAsync(browser, world.BatchId)).Row);
        Assert.Equal(new[] { staysMoved.Email, signsIn.Email }.Order(StringComparer.Ordinal), await admin.PeopleAtAsync(browser, "", world.BatchId));
    }

    [Fact]
    public async Task Fifty_users_activating_at_once_are_fifty_in_the_tallies_and_fifty_reports_of_one_are_one()
    {
        var world = await ExecutionWorld.CreateAsync(api.Services, users: Parallel);
        Assert.True(await world.Runner().RunOnceAsync(CancellationToken.None));
        var accounts = new List<string>();
        foreach (var user in world.Users)
        {
            accounts.Add((await AdminCalls.EndUserAsync(api.Services, user.EndUserId)).SsoAccountId!);
        }

        await Task.WhenAll(accounts.Select(ReportActivationAsync));
        await Task.WhenAll(Enumerable.Range(0, Parallel).Select(_ => ReportActivationAsync(accounts[0])));

        await AssertTalliesAreTheEventsAsync(world.BatchId);
        var admin = await world.Admin.StaffAsync();
        using var browser = new SsoDriver(api);
        Assert.Equal((Parallel, Parallel, 0, 0, 0), (await admin.CountsAsync(browser, world.BatchId)).Row);
        var days = await admin.GetAsync(browser, $"{FunnelCalls.Funnel}/days?batchId={world.BatchId}");
        Assert.Equal(Parallel, days.Json!["days"]!.AsArray().Sum(d => d!["activated"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_new_time_zone_moves_the_moved_users_days_and_the_tallies_still_match_the_events()
    {
        var world = await ExecutionWorld.CreateAsync(api.Services, users: 2);
        // A user the run cannot move (their e-mail is another account's): the completed batch has someone left to reschedule.
        var holder = await SsoUsers.CreateAsync(api.Services, SsoUserState.MigratedPending);
        await FunnelCalls.BlockEmailAsync(api.Services, holder.AccountId!, world.Users[1].Email, world.Admin.Partner.Id);
        Assert.True(await world.Runner().RunOnceAsync(CancellationToken.None));
        var movedAt = (await world.ResultOfAsync(world.Users[0])).CompletedAt!.Value;
        // A zone in which the move fell on another calendar day than in Amsterdam.
        var zone = movedAt.Hour >= 12 ? "Pacific/Kiritimati" : "Pacific/Pago_Pago";
        var operatorLogin = await AdminWorld.OperatorAsync(api.Services);
        using var browser = new SsoDriver(api);

        var reschedule = await operatorLogin.PostAsync(browser, $"{MigrationCalls.Batches}/{world.BatchId}/reschedule",
            new { scheduledAt = DateTime.UtcNow.AddDays(20), timeZone = zone });

        Assert.Equal(HttpStatusCode.NoContent, reschedule.Status);
        await AssertTalliesAreTheEventsAsync(world.BatchId);
        var days = await operatorLogin.GetAsync(browser, $"{FunnelCalls.Funnel}/days?batchId={world.BatchId}");
        Assert.Equal(zone, days.Json!["timeZone"]!.GetValue<string>());
        var expectedDay = FunnelContribution.DayIn(FunnelContribution.ZoneOf(zone), movedAt).ToString("yyyy-MM-dd");
        Assert.Contains(days.Json["days"]!.AsArray(), d => d!["day"]!.GetValue<string>() == expectedDay && d["moved"]!.GetValue<int>() == 1);
    }

    /// <summary>The batch's tallies, rows that count, against the recount <see cref="FunnelTallyRebuild.ComputeAsync"/> makes from the events.</summary>
    private async Task AssertTalliesAreTheEventsAsync(Guid batchId)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var expected = (await FunnelTallyRebuild.ComputeAsync(db, batchId, CancellationToken.None)).Counts;
        var furthest = await db.FunnelTallies.Where(t => t.BatchId == batchId && t.Count != 0).ToListAsync();
        var days = await db.FunnelDayTallies.Where(t => t.BatchId == batchId && t.Count != 0).ToListAsync();
        var kept = furthest.Select(t => KeyValuePair.Create(new FunnelTallyKey(t.BatchId, t.ClientId, t.Furthest, null), t.Count))
            .Concat(days.Select(t => KeyValuePair.Create(new FunnelTallyKey(t.BatchId, t.ClientId, t.Step, t.Day), t.Count)));
        Assert.Equal(Sorted(expected), Sorted(kept));
    }

    private static List<string> Sorted(IEnumerable<KeyValuePair<FunnelTallyKey, int>> counts) =>
        [.. counts.Select(pair => $"{pair.Key} = {pair.Value}").Order(StringComparer.Ordinal)];

    private async Task ReportActivationAsync(string accountId)
    {
        await using var scope = api.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AccountMilestones>()
            .ReachedAsync(new AccountMilestoneReached(accountId, AccountMilestone.EmailActivated));
    }

    private async Task<Guid> AddClientAsync(Guid partnerId)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var client = new Client { Name = $"Second Client {Guid.NewGuid():N}"[..20], PartnerId = partnerId };
        db.Clients.Add(client);
        await db.SaveChangesAsync();
        return client.Id;
    }
}
