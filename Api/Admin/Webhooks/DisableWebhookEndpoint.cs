using Api.Admin.Staff;
using Api.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.Webhooks;

/// <summary>Stops sending to an endpoint; its deliveries wait (and new events are not queued for it) until it is enabled again.</summary>
public static class DisableWebhookEndpoint
{
    public const string DisabledByStaff = "Disabled by {0}.";

    public static async Task<Results<Ok<WebhookEndpointView>, ProblemHttpResult>> HandleAsync(
        Guid endpointId, StaffMember staff, [AsParameters] WebhookEndpointServices s, CancellationToken cancellationToken)
    {
        var endpoint = await s.FindAsync(staff, endpointId, cancellationToken);
        if (endpoint is null)
        {
            return WebhookEndpointServices.NotFound();
        }

        var reason = string.Format(System.Globalization.CultureInfo.InvariantCulture, DisabledByStaff, staff.Actor.Name);
        if (await s.Scope(staff).Where(e => e.Id == endpointId && e.Enabled)
                .ExecuteUpdateAsync(set => set.SetProperty(e => e.Enabled, false).SetProperty(e => e.DisabledReason, reason), cancellationToken) == 1)
        {
            s.Record(staff, WebhookAuditActions.EndpointDisabled, endpoint, new { Enabled = true }, new { Enabled = false });
            await s.Db.SaveChangesAsync(cancellationToken);
        }

        await s.Db.Entry(endpoint).ReloadAsync(cancellationToken);
        return TypedResults.Ok(WebhookEndpointView.Of(endpoint));
    }
}
