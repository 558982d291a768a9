using System.Net;
using Api.Data;
using Api.SsoMigration.Batches;
using Api.Tests.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Migration.Funnel;

/// <summary>Whose funnel a caller sees: a partner their own clients' users only (another partner's batch or client is 404); an operator every batch, and the timeline.</summary>
[Collection(ExecutionCollection.Name)]
public sealed class FunnelAccessTests(ExecutionApiFactory api)
{
    [Fact]
    [Trait("ASVS", "4.2.1")]
    public async Task A_partner_sees_only_their_clients_users_in_a_shared_batch_and_another_partners_batch_or_client_is_404()
    {
        var world = await ExecutionWorld.CreateAsync(api.Services, users: 2);
        var other = await AdminWorld.CreateAsync(api.Services, clients: 1);
        var theirs = await SsoUsers.CreateAsync(api.Services, SsoUserState.Legacy, clientId: other.Clients[0].Id);
        await AddClientAsync(world.BatchId, other.Clients[0].Id);
        var elsewhere = await ExecutionWorld.AddBatchAsync(api.Services, other.Clients, DateTime.UtcNow.AddDays(40));
        Assert.True(await world.Runner().RunOnceAsync(CancellationToken.None));
        var mine = await world.Admin.StaffAsync();
        var stranger = await other.StaffAsync();
        var operatorLogin = await AdminWorld.OperatorAsync(api.Services);
        using var browser = new SsoDriver(api);

        Assert.Equal(2, (await mine.CountsAsync(browser, world.BatchId)).Moved);
        Assert.Equal(1, (await stranger.CountsAsync(browser, world.BatchId)).Moved);
        Assert.Equal(3, (await operatorLogin.CountsAsync(browser, world.BatchId)).Moved);
        Assert.DoesNotContain(theirs.Email, await mine.PeopleAtAsync(browser, "moved", world.BatchId));
        Assert.Equal([theirs.Email], await stranger.PeopleAtAsync(browser, "moved", world.BatchId));

        foreach (var path in new[]
        {
            $"{FunnelCalls.Funnel}?batchId={elsewhere}",
            $"{FunnelCalls.Funnel}?clientId={other.Clients[0].Id}",
            $"{FunnelCalls.Funnel}?batchId={world.BatchId}&clientId={other.Clients[0].Id}",
            $"{FunnelCalls.Funnel}/people?batchId={elsewhere}",
            $"{FunnelCalls.Funnel}/people/export.csv?clientId={other.Clients[0].Id}",
            $"{FunnelCalls.Funnel}/days?batchId={elsewhere}",
            $"{FunnelCalls.Funnel}?batchId={Guid.NewGuid()}",
        })
        {
            var answer = await mine.GetAsync(browser, path);
            Assert.True(answer.Status == HttpStatusCode.NotFound && answer.IsProblem, $"{path}: {answer}");
        }

        var home = await mine.GetAsync(browser, "/api/admin/migration/funnels?pageSize=50");
        Assert.Contains(world.BatchId.ToString(), home.Body);
        Assert.DoesNotContain(elsewhere.ToString(), home.Body);
        Assert.DoesNotContain(other.Clients[0].Name, home.Body);
    }

    [Fact]
    public async Task Malformed_scope_and_step_get_a_sentence()
    {
        var world = await AdminWorld.CreateAsync(api.Services, clients: 1);
        var admin = await world.StaffAsync();
        using var browser = new SsoDriver(api);

        var badBatch = await admin.GetAsync(browser, $"{FunnelCalls.Funnel}?batchId=batch-one");
        var badStep = await admin.GetAsync(browser, $"{FunnelCalls.Funnel}/people?step=halfway");

        Assert.Equal((HttpStatusCode.BadRequest, "Choose a batch from the list."), (badBatch.Status, badBatch.Errors?["batchId"]?[0]?.GetValue<string>()));
        Assert.Equal(HttpStatusCode.BadRequest, badStep.Status);
        Assert.Contains("moved, activated, enrolled, signed-in or returned", badStep.Errors?["step"]?[0]?.GetValue<string>());
    }

    [Fact]
    public async Task The_operators_timeline_shows_every_batch_with_its_phase_and_completion()
    {
        var world = await ExecutionWorld.CreateAsync(api.Services, users: 2);
        Assert.True(await world.Runner().RunOnceAsync(CancellationToken.None));
        var scheduled = await ExecutionWorld.AddBatchAsync(api.Services, (await AdminWorld.CreateAsync(api.Services, clients: 1)).Clients, DateTime.UtcNow.AddDays(400));
        var stalled = await ExecutionWorld.AddBatchAsync(api.Services, (await AdminWorld.CreateAsync(api.Services, clients: 1)).Clients, DateTime.UtcNow.AddDays(399));
        await using (var scope = api.Services.CreateAsyncScope())
        {
            // Running, but its runner's lease ran out an hour ago: nobody is moving it.
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().MigrationBatches.Where(b => b.Id == stalled)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(b => b.Status, MigrationBatchStatus.Running)
                    .SetProperty(b => b.StartedAt, DateTime.UtcNow.AddHours(-2))
                    .SetProperty(b => b.LeaseOwner, "gone")
                    .SetProperty(b => b.LeaseUntil, DateTime.UtcNow.AddHours(-1)));
        }

        var operatorLogin = await AdminWorld.OperatorAsync(api.Services);
        var partner = await world.Admin.StaffAsync();
        using var browser = new SsoDriver(api);
        var answer = await operatorLogin.GetAsync(browser, $"{MigrationCalls.Batches}/timeline?pageSize=200");
        var refused = await partner.GetAsync(browser, $"{MigrationCalls.Batches}/timeline");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        var items = answer.Json!["items"]!.AsArray().ToDictionary(i => Guid.Parse(i!["id"]!.GetValue<string>()), i => i!);
        Assert.Equal(("completed", 100, 2, 2), Facts(items[world.BatchId]));
        Assert.Equal(("scheduled", 0, 0, 0), Facts(items[scheduled]));
        Assert.Equal("paused", items[stalled]["phase"]!.GetValue<string>());
        // The latest date first.
        var order = items.Keys.ToList();
        Assert.True(order.IndexOf(scheduled) < order.IndexOf(stalled) && order.IndexOf(stalled) < order.IndexOf(world.BatchId));
    }

    private static (string, int, int, int) Facts(System.Text.Json.Nodes.JsonNode item) =>
        (item["phase"]!.GetValue<string>(), item["percent"]!.GetValue<int>(), item["done"]!.GetValue<int>(), item["moved"]!.GetValue<int>());

    private async Task AddClientAsync(Guid batchId, Guid clientId)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Add(new MigrationBatchClient { BatchId = batchId, ClientId = clientId });
        await db.SaveChangesAsync();
    }
}
