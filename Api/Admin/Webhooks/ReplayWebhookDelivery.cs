using Api.Admin.Staff;
using Api.Shared;
using Api.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.Webhooks;

/// <summary>
/// Sends a delivered or failed delivery again, with the same event id (receivers that already have
/// it drop it), at once and with a fresh set of retries. One conditional update: a delivery still
/// on its way is refused, and fifty parallel replays queue it once.
/// </summary>
public static class ReplayWebhookDelivery
{
    public static async Task<Results<Accepted, ProblemHttpResult>> HandleAsync(
        Guid endpointId, Guid deliveryId, StaffMember staff, [AsParameters] WebhookEndpointServices s, WebhookSignal signal, CancellationToken cancellationToken)
    {
        var endpoint = await s.FindAsync(staff, endpointId, cancellationToken);
        if (endpoint is null || !await s.Db.Set<WebhookDelivery>().AnyAsync(d => d.Id == deliveryId && d.EndpointId == endpointId, cancellationToken))
        {
            return WebhookEndpointServices.NotFound();
        }

        var now = s.Now;
        if (await s.Db.Set<WebhookDelivery>()
                .Where(d => d.Id == deliveryId && d.EndpointId == endpointId && (d.DeliveredAt != null || d.FailedAt != null))
                .ExecuteUpdateAsync(set => set
                    .SetProperty(d => d.DeliveredAt, (DateTime?)null)
                    .SetProperty(d => d.FailedAt, (DateTime?)null)
                    .SetProperty(d => d.Attempts, 0)
                    .SetProperty(d => d.NextAttemptAt, now), cancellationToken) == 0)
        {
            return Problems.Status(StatusCodes.Status409Conflict, "Already on its way", "This event is still being delivered to the endpoint. Replay it once it has been delivered or has failed.");
        }

        s.Record(staff, WebhookAuditActions.DeliveryReplayed, endpoint, after: new { DeliveryId = deliveryId });
        await s.Db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return TypedResults.Accepted($"/api/admin/webhooks/endpoints/{endpointId}/deliveries");
    }
}
