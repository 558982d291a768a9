using Api.Admin.Staff;
using Api.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Admin.Webhooks;

/// <summary>
/// Queues a <c>webhook.test</c> event for this endpoint only, signed and delivered like any other
/// (so the receiver's signature check is tried for real); its outcome shows in the delivery log.
/// </summary>
public static class SendTestWebhook
{
    public static async Task<Results<Accepted<TestWebhookQueued>, ProblemHttpResult>> HandleAsync(
        Guid endpointId, StaffMember staff, [AsParameters] WebhookEndpointServices s, CancellationToken cancellationToken)
    {
        var endpoint = await s.FindAsync(staff, endpointId, cancellationToken);
        if (endpoint is null)
        {
            return WebhookEndpointServices.NotFound();
        }

        var sent = s.Events.Add(endpoint.PartnerId, WebhookEventTypes.Test, new { EndpointId = endpoint.Id, Actor = staff.Actor.Name, Message = "A test event from the End User Portal." }, [endpoint.Id]);
        await s.Db.SaveChangesAsync(cancellationToken);
        return TypedResults.Accepted($"/api/admin/webhooks/endpoints/{endpointId}/deliveries", new TestWebhookQueued(sent.MessageId));
    }
}

/// <param name="EventId">The test event's <c>webhook-id</c>.</param>
public sealed record TestWebhookQueued(string EventId);
