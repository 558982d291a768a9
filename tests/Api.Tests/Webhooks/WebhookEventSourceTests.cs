using System.Text.Json.Nodes;
using Api.Data;
using Api.SsoMigration.Batches;
using Api.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Webhooks;

/// <summary>
/// Events come from wherever the change happens — the migration runner, the SSO's lockout — and a
/// partner hears only of its own users: a batch over two partners' clients tells each its own numbers.
/// </summary>
[Collection(WebhookCollection.Name)]
public sealed class WebhookEventSourceTests(WebhookApiFactory api)
{
    [Fact]
    public async Task A_batch_over_two_partners_tells_each_only_of_its_own_users()
    {
        var execution = await ExecutionWorld.CreateAsync(api.Services, users: 2);
        var other = await AdminWorld.CreateAsync(api.Services, clients: 1);
        var otherUser = await SsoUsers.CreateAsync(api.Services, SsoUserState.Legacy, clientId: other.Clients[0].Id);
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Add(new MigrationBatchClient { BatchId = execution.BatchId, ClientId = other.Clients[0].Id });
            await db.SaveChangesAsync();
        }

        var first = await RegisterAllAsync(execution.Admin);
        var second = await RegisterAllAsync(other);

        while (await execution.Runner().RunOnceAsync(CancellationToken.None))
        {
        }

        var firstEvents = await EventsAsync(execution.Admin.Partner.Id);
        var secondEvents = await EventsAsync(other.Partner.Id);
        Assert.Equal(
            execution.Users.Select(u => u.EndUserId).Order(),
            firstEvents.Where(e => e.Type == WebhookEventTypes.EndUserMigrated).Select(e => e.Data["endUserId"]!.GetValue<Guid>()).Order());
        Assert.Equal([otherUser.EndUserId], secondEvents.Where(e => e.Type == WebhookEventTypes.EndUserMigrated).Select(e => e.Data["endUserId"]!.GetValue<Guid>()));
        Assert.Single(firstEvents, e => e.Type == WebhookEventTypes.BatchStarted);
        Assert.Single(secondEvents, e => e.Type == WebhookEventTypes.BatchStarted);
        Assert.Equal(2, firstEvents.Single(e => e.Type == WebhookEventTypes.BatchCompleted).Data["users"]!["migrated"]!.GetValue<int>());
        Assert.Equal(1, secondEvents.Single(e => e.Type == WebhookEventTypes.BatchCompleted).Data["users"]!["migrated"]!.GetValue<int>());
        Assert.DoesNotContain(firstEvents, e => e.Type == WebhookEventTypes.BatchFailed);
        // One delivery per event, to the partner's own endpoint only.
        Assert.Equal(firstEvents.Count, await DeliveriesToAsync(first));
        Assert.Equal(secondEvents.Count, await DeliveriesToAsync(second));
    }

    [Fact]
    public async Task Five_wrong_passwords_raise_end_user_locked_for_the_users_partner()
    {
        var world = await WebhookWorld.CreateAsync(api);
        await world.RegisterAsync("http://127.0.0.1:9/hook", WebhookEventTypes.EndUserLocked);
        var user = await world.Admin.EndUserAsync(SsoUserState.Enrolled);

        for (var i = 0; i < 5; i++)
        {
            using var attacker = new SsoDriver(api);
            await attacker.StartAsync(user.Email);
            await attacker.PasswordAsync("guess-number-" + i);
        }

        var locked = Assert.Single(await EventsAsync(world.Admin.Partner.Id));
        Assert.Equal(WebhookEventTypes.EndUserLocked, locked.Type);
        Assert.Equal(user.EndUserId, locked.Data["endUserId"]!.GetValue<Guid>());
        Assert.Equal(user.Email, locked.Data["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_moved_users_activation_and_first_authenticator_raise_their_events()
    {
        var world = await WebhookWorld.CreateAsync(api);
        await world.RegisterAsync("http://127.0.0.1:9/hook", WebhookEventTypes.EndUserActivated, WebhookEventTypes.EndUserMfaEnrolled);
        var user = await world.Admin.EndUserAsync(SsoUserState.MigratedPending);

        using var browser = await Api.Tests.Migration.Funnel.FunnelCalls.FirstSignInAsync(api, user);

        var events = await EventsAsync(world.Admin.Partner.Id);
        Assert.Equal([WebhookEventTypes.EndUserActivated, WebhookEventTypes.EndUserMfaEnrolled], events.Select(e => e.Type));
        Assert.All(events, e => Assert.Equal(user.EndUserId, e.Data["endUserId"]!.GetValue<Guid>()));
        Assert.All(events, e => Assert.Equal(user.DisplayName, e.Data["actor"]!.GetValue<string>()));
    }

    private async Task<Guid> RegisterAllAsync(AdminWorld admin)
    {
        var staff = await admin.StaffAsync();
        using var browser = new SsoDriver(api);
        var answer = await staff.PostAsync(browser, "/api/admin/webhooks/endpoints", new { url = "http://127.0.0.1:9/hook", events = WebhookEventTypes.All });
        return Guid.Parse(answer.Json!["endpoint"]!["id"]!.GetValue<string>());
    }

    private async Task<List<(string Type, JsonNode Data)>> EventsAsync(Guid partnerId)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<AppDbContext>().WebhookEvents.AsNoTracking()
            .Where(e => e.PartnerId == partnerId).OrderBy(e => e.CreatedAt).ToListAsync();
        return [.. rows.Select(e => (e.Type, JsonNode.Parse(e.Payload)!["data"]!))];
    }

    private async Task<int> DeliveriesToAsync(Guid endpointId)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().WebhookDeliveries.CountAsync(d => d.EndpointId == endpointId);
    }
}
