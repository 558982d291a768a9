using System.Text.Json;
using Api.Shared.Transactions;
using Microsoft.EntityFrameworkCore;

namespace Api.Webhooks;

/// <summary>
/// Adds the event and one delivery per enabled endpoint of the partner that subscribed to its
/// type to the caller's unit of work; the dispatcher is woken once the caller commits.
/// </summary>
public sealed class WebhookEvents(DbContext db, WebhookSignal signal, TimeProvider clock) : IWebhookEvents
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task RaiseAsync(Guid partnerId, string type, object data, CancellationToken cancellationToken = default)
    {
        var endpoints = (await db.Set<WebhookEndpoint>().AsNoTracking()
                .Where(e => e.PartnerId == partnerId && e.Enabled)
                .Select(e => new { e.Id, e.Events })
                .ToListAsync(cancellationToken))
            .Where(e => e.Events.Split(' ').Contains(type))
            .Select(e => e.Id)
            .ToList();
        if (endpoints.Count > 0)
        {
            Add(partnerId, type, data, endpoints);
        }
    }

    /// <summary>An event for these endpoints only (the test event goes to the one it was sent from).</summary>
    public WebhookEvent Add(Guid partnerId, string type, object data, IReadOnlyCollection<Guid> endpointIds)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var webhookEvent = new WebhookEvent
        {
            PartnerId = partnerId,
            Type = type,
            Payload = JsonSerializer.Serialize(new { type, timestamp = now, data }, Json),
            CreatedAt = now,
        };
        db.Add(webhookEvent);
        foreach (var endpointId in endpointIds)
        {
            db.Add(new WebhookDelivery { EventId = webhookEvent.Id, EndpointId = endpointId, CreatedAt = now, NextAttemptAt = now });
        }

        // Wake the dispatcher once the change is committed (not merely saved inside a transaction).
        db.SavedChanges += (_, _) => _ = AfterCommit.RunAsync(db, () =>
        {
            signal.Notify();
            return Task.CompletedTask;
        });
        return webhookEvent;
    }
}

/// <summary>Lets a committed change wake the dispatcher at once instead of at its next poll.</summary>
public sealed class WebhookSignal : Api.Shared.WakeSignal;
