using System.Net;
using Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Webhooks;

/// <summary>An endpoint that fails for about a day stops receiving, its partner's admins hear of it once, and it can be enabled again.</summary>
[Collection(WebhookCollection.Name)]
public sealed class WebhookAutoDisableTests(WebhookApiFactory api)
{
    [Fact]
    public async Task An_endpoint_whose_every_attempt_failed_for_a_day_is_disabled_and_its_partner_admins_are_mailed_once()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Down = true;
        var world = await WebhookWorld.CreateAsync(api);
        var (endpointId, secret) = await world.RegisterAsync(receiver.Url("/down"));
        receiver.Secret = secret;
        await world.Staff.PostAsync(world.Browser, $"/api/admin/webhooks/endpoints/{endpointId}/test");
        var started = world.Clock.GetUtcNow();

        for (var round = 0; round < 30; round++)
        {
            await world.DispatchAsync();
            var delivery = Assert.Single(await world.DeliveriesAsync(endpointId));
            if (delivery.FailedAt is not null)
            {
                break;
            }

            world.Clock.SetUtcNow(delivery.NextAttemptAt);
        }

        // Eleven attempts over about a day (the schedule's waits, each give or take a fifth), then no more.
        Assert.Equal(11, receiver.Received.Count);
        Assert.InRange(world.Clock.GetUtcNow() - started, TimeSpan.FromHours(18), TimeSpan.FromHours(29));
        var endpoint = await world.Staff.GetAsync(world.Browser, $"/api/admin/webhooks/endpoints/{endpointId}");
        Assert.False(endpoint.Json!["enabled"]!.GetValue<bool>());
        Assert.Contains("automatically", endpoint.String("disabledReason"));
        Assert.Equal(1, await MailsAsync(world));

        // New events are not queued for it meanwhile; enabled again, it receives the next one.
        receiver.Down = false;
        Assert.Equal(HttpStatusCode.OK, (await world.Staff.PostAsync(world.Browser, $"/api/admin/webhooks/endpoints/{endpointId}/enable")).Status);
        await world.Staff.PostAsync(world.Browser, $"/api/admin/webhooks/endpoints/{endpointId}/test");
        world.Clock.Advance(TimeSpan.FromMinutes(1));
        await world.DispatchAsync();
        Assert.Equal(12, receiver.Received.Count);
        Assert.Equal(1, await MailsAsync(world));
    }

    private async Task<int> MailsAsync(WebhookWorld world)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().OutboxMessages
            .CountAsync(m => m.Kind == "webhook-disabled" && m.PartnerId == world.Admin.Partner.Id && m.To == world.Staff.Email);
    }
}
