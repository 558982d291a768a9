using Api.Admin.Staff;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.Webhooks;

/// <summary>The partner's endpoints, oldest first (a partner has at most ten, so one list, not pages).</summary>
public static class ListWebhookEndpoints
{
    public static async Task<Results<Ok<List<WebhookEndpointView>>, ProblemHttpResult>> HandleAsync(
        StaffMember staff, [AsParameters] WebhookEndpointServices s, CancellationToken cancellationToken)
    {
        if (staff.PartnerId is null)
        {
            return WebhookEndpointServices.NoPartner();
        }

        var endpoints = await s.Scope(staff).AsNoTracking().OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(endpoints.Select(WebhookEndpointView.Of).ToList());
    }
}
