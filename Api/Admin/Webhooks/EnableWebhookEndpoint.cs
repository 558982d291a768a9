using Api.Admin.Staff;
using Api.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.Webhooks;

/// <summary>
/// Turns an endpoint back on (after a person disabled it, or after a day of failures): its run of
/// failures starts afresh, and the deliveries that waited are sent.
/// </summary>
public static class EnableWebhookEndpoint
{
    public static async Task<Results<Ok<WebhookEndpointView>, ProblemHttpResult>> HandleAsync(
        Guid endpointId, StaffMember staff, [AsParameters] WebhookEndpointServices s, WebhookSignal signal, CancellationToken cancellationToken)
    {
        var endpoint = await s.FindAsync(staff, endpointId, cancellationToken);
        if (endpoint is null)
        {
            return WebhookEndpointServices.NotFound();
        }

        if (await s.Scope(staff).Where(e => e.Id == endpointId && !e.Enabled).ExecuteUpdateAsync(set => set
                .SetProperty(e => e.Enabled, true)
                .SetProperty(e => e.DisabledReason, (string?)null)
                .SetProperty(e => e.ConsecutiveFailures, 0)
                .SetProperty(e => e.FailingSince, (DateTime?)null), cancellationToken) == 1)
        {
            s.Record(staff, WebhookAuditActions.EndpointEnabled, endpoint, new { Enabled = false }, new { Enabled = true });
            await s.Db.SaveChangesAsync(cancellationToken);
            signal.Notify();
        }

        await s.Db.Entry(endpoint).ReloadAsync(cancellationToken);
        return TypedResults.Ok(WebhookEndpointView.Of(endpoint));
    }
}
