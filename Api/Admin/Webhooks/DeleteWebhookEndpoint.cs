using Api.Admin.Staff;
using Api.Shared.Transactions;
using Api.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.Webhooks;

/// <summary>Removes an endpoint with its deliveries and their log; nothing more is sent to it. Audited with its address.</summary>
public static class DeleteWebhookEndpoint
{
    public static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        Guid endpointId, StaffMember staff, [AsParameters] WebhookEndpointServices s, CancellationToken cancellationToken)
    {
        await using var transaction = await SharedTransaction.BeginAsync(s.Db, cancellationToken);
        var endpoint = await s.FindAsync(staff, endpointId, cancellationToken);
        if (endpoint is null)
        {
            return WebhookEndpointServices.NotFound();
        }

        // Attempts and deliveries go first: SQLite enforces the cascade only when foreign keys are on.
        await s.Db.Set<WebhookAttempt>().Where(a => a.EndpointId == endpointId).ExecuteDeleteAsync(cancellationToken);
        await s.Db.Set<WebhookDelivery>().Where(d => d.EndpointId == endpointId).ExecuteDeleteAsync(cancellationToken);
        s.Db.Remove(endpoint);
        s.Record(staff, WebhookAuditActions.EndpointDeleted, endpoint, new { endpoint.Url, endpoint.Events });
        await s.Db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
