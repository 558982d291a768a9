using Api.Admin.Staff;
using Api.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Admin.Webhooks;

/// <summary>Changes an endpoint's address, description or events; its secret and deliveries stay. Audited with what changed.</summary>
public static class EditWebhookEndpoint
{
    public static async Task<Results<Ok<WebhookEndpointView>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid endpointId, WebhookEndpointRequest body, StaffMember staff, [AsParameters] WebhookEndpointServices s, CancellationToken cancellationToken)
    {
        var endpoint = await s.FindAsync(staff, endpointId, cancellationToken);
        if (endpoint is null)
        {
            return WebhookEndpointServices.NotFound();
        }

        var (input, problem) = await WebhookEndpointInput.CheckAsync(body, s.UrlCheck, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var before = new { endpoint.Url, endpoint.Description, endpoint.Events };
        var after = new { input!.Url, input.Description, input.Events };
        if (!before.Equals(after))
        {
            (endpoint.Url, endpoint.Description, endpoint.Events) = (input.Url, input.Description, input.Events);
            s.Record(staff, WebhookAuditActions.EndpointEdited, endpoint, before, after);
            await s.Db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.Ok(WebhookEndpointView.Of(endpoint));
    }
}
