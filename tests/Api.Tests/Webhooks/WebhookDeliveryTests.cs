using System.Net;
using System.Text.Json.Nodes;
using Api.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Webhooks;

/// <summary>
/// What a partner's receiver sees: signed events about their end users, once each however many
/// replicas dispatch, retried with back-off while it is down, and the same event id when replayed.
/// </summary>
[Collection(WebhookCollection.Name)]
public sealed class WebhookDeliveryTests(WebhookApiFactory api)
{
    [Fact]
    public async Task Disabling_an_end_user_delivers_a_signed_end_user_disabled_that_names_the_user()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var world = await WebhookWorld.CreateAsync(api);
        var (endpointId, secret) = await world.RegisterAsync(receiver.Url("/ok"), WebhookEventTypes.EndUserDisabled);
        receiver.Secret = secret;
        var user = await world.Admin.EndUserAsync(SsoUserState.Legacy);

        Assert.Equal(HttpStatusCode.NoContent, (await world.Staff.PostAsync(world.Browser, $"/api/admin/end-users/{user.EndUserId}/disable")).Status);
        await world.DispatchAsync();

        var received = Assert.Single(receiver.Received);
        Assert.True(received.VerifiedByLibrary, "the StandardWebhooks library refused the signature");
        var payload = JsonNode.Parse(received.Body)!;
        Assert.Equal("end_user.disabled", payload["type"]!.GetValue<string>());
        Assert.NotNull(payload["timestamp"]);
        var data = payload["data"]!;
        Assert.Equal(user.EndUserId, data["endUserId"]!.GetValue<Guid>());
        Assert.Equal(user.Email, data["email"]!.GetValue<string>());
        Assert.Equal(user.DisplayName, data["name"]!.GetValue<string>());
        Assert.Equal(user.ClientName, data["clientName"]!.GetValue<string>());
        Assert.False(data["enabled"]!.GetValue<bool>());
        Assert.False(string.IsNullOrEmpty(data["actor"]!.GetValue<string>()));
        Assert.DoesNotContain("password", received.Body, StringComparison.OrdinalIgnoreCase);

        // The delivery log shows it, under the event id the receiver got.
        var log = await world.Staff.GetAsync(world.Browser, $"/api/admin/webhooks/endpoints/{endpointId}/deliveries");
        var row = Assert.Single(log.Json!["items"]!.AsArray())!;
        Assert.Equal(received.Id, row["eventId"]!.GetValue<string>());
        Assert.Equal("end_user.disabled", row["eventType"]!.GetValue<string>());
        Assert.Equal("delivered", row["status"]!.GetValue<string>());
        Assert.Equal(204, row["responseCode"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_receiver_that_is_down_gets_retries_with_growing_waits_then_the_event_once()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Down = true;
        var world = await WebhookWorld.CreateAsync(api);
        var (endpointId, secret) = await world.RegisterAsync(receiver.Url("/down"));
        receiver.Secret = secret;
        await world.Staff.PostAsync(world.Browser, $"/api/admin/webhooks/endpoints/{endpointId}/test");

        var delays = api.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<WebhookOptions>>().Value.RetryDelays;
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var before = world.Clock.GetUtcNow().UtcDateTime;
            await world.DispatchAsync();
            await world.DispatchAsync(); // not due again yet: nothing more is sent
            Assert.Equal(attempt, receiver.Received.Count);
            var delivery = Assert.Single(await world.DeliveriesAsync(endpointId));
            var wait = delivery.NextAttemptAt - before;
            Assert.InRange(wait, delays[attempt - 1] * 0.79, delays[attempt - 1] * 1.21);
            world.Clock.SetUtcNow(delivery.NextAttemptAt);
        }

        receiver.Down = false;
        await world.DispatchAsync();
        world.Clock.Advance(TimeSpan.FromDays(2));
        await world.DispatchAsync();

        Assert.Equal(6, receiver.Received.Count);
        Assert.Single(receiver.Received.Select(r => r.Id).Distinct());
        Assert.All(receiver.Received, r => Assert.True(r.SignedWithSecret));
        var attempts = await world.AttemptsAsync(endpointId);
        Assert.Equal([503, 503, 503, 503, 503, 204], attempts.Select(a => a.ResponseCode ?? 0));
        Assert.NotNull(Assert.Single(await world.DeliveriesAsync(endpointId)).DeliveredAt);
    }

    [Fact]
    public async Task Fifty_parallel_dispatchers_deliver_each_event_exactly_once()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var world = await WebhookWorld.CreateAsync(api);
        var (endpointId, secret) = await world.RegisterAsync(receiver.Url("/ok"), WebhookEventTypes.EndUserCreated);
        receiver.Secret = secret;
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var events = scope.ServiceProvider.GetRequiredService<IWebhookEvents>();
            for (var i = 0; i < 30; i++)
            {
                await events.RaiseAsync(world.Admin.Partner.Id, WebhookEventTypes.EndUserCreated, new { number = i });
            }

            await scope.ServiceProvider.GetRequiredService<DbContext>().SaveChangesAsync();
        }

        var dispatchers = Enumerable.Range(0, 50).Select(_ => world.Dispatcher()).ToList();
        await Task.WhenAll(dispatchers.Select(dispatcher => Task.Run(async () =>
        {
            while (await dispatcher.DeliverNextAsync(CancellationToken.None))
            {
            }
        })));

        Assert.Equal(30, receiver.Received.Count);
        Assert.Equal(30, receiver.Received.Select(r => r.Id).Distinct().Count());
        Assert.Equal(1, receiver.MostAtOnceForOneEvent);
        Assert.All(await world.DeliveriesAsync(endpointId), d => Assert.NotNull(d.DeliveredAt));
        Assert.Equal(30, (await world.AttemptsAsync(endpointId)).Count);
    }

    [Fact]
    public async Task Replay_sends_the_same_event_id_again_and_the_log_shows_both()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var world = await WebhookWorld.CreateAsync(api);
        var (endpointId, secret) = await world.RegisterAsync(receiver.Url("/ok"));
        receiver.Secret = secret;
        await world.Staff.PostAsync(world.Browser, $"/api/admin/webhooks/endpoints/{endpointId}/test");
        await world.DispatchAsync();
        var delivery = Assert.Single(await world.DeliveriesAsync(endpointId));

        var replays = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ =>
            world.Staff.PostAsync(world.Browser, $"/api/admin/webhooks/endpoints/{endpointId}/deliveries/{delivery.Id}/replay")));
        await world.DispatchAsync();

        Assert.Single(replays, r => r.Status == HttpStatusCode.Accepted);
        Assert.All(replays.Where(r => r.Status != HttpStatusCode.Accepted), r => Assert.Equal(HttpStatusCode.Conflict, r.Status));
        Assert.Equal(2, receiver.Received.Count);
        Assert.Equal([delivery.Event!.MessageId], receiver.Received.Select(r => r.Id).Distinct());
        Assert.All(receiver.Received, r => Assert.True(r.VerifiedByLibrary));
        var log = await world.Staff.GetAsync(world.Browser, $"/api/admin/webhooks/endpoints/{endpointId}/deliveries");
        Assert.Equal(2, log.Json!["total"]!.GetValue<int>());
    }
}
