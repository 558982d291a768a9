using Api.Admin.Staff;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.Webhooks;

public static class GetWebhookEndpoint
{
    public static async Task<Results<Ok<WebhookEndpointView>, ProblemHttpResult>> HandleAsync(
        Guid endpointId, StaffMember staff, [AsParameters] WebhookEndpointServices s, CancellationToken cancellationToken) =>
        await s.Scope(staff).AsNoTracking().FirstOrDefaultAsync(e => e.Id == endpointId, cancellationToken) is { } endpoint
            ? TypedResults.Ok(WebhookEndpointView.Of(endpoint))
            : WebhookEndpointServices.NotFound();
}
