using Api.Admin.Staff;
using Api.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Admin.Webhooks;

/// <summary>
/// Gives an endpoint a new signing secret, answered this once; every attempt from now on (retries
/// and replays of older events too) is signed with it. Audited, without the secret.
/// </summary>
public static class RotateWebhookSecret
{
    public static async Task<Results<Ok<WebhookEndpointWithSecret>, ProblemHttpResult>> HandleAsync(
        Guid endpointId, StaffMember staff, [AsParameters] WebhookEndpointServices s, CancellationToken cancellationToken)
    {
        var endpoint = await s.FindAsync(staff, endpointId, cancellationToken);
        if (endpoint is null)
        {
            return WebhookEndpointServices.NotFound();
        }

        var secret = WebhookSecrets.New();
        endpoint.ProtectedSecret = s.Secrets.Protect(secret);
        s.Record(staff, WebhookAuditActions.SecretRotated, endpoint);
        await s.Db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new WebhookEndpointWithSecret(WebhookEndpointView.Of(endpoint), secret));
    }
}
