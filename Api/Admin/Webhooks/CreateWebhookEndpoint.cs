using Api.Admin.Staff;
using Api.Shared;
using Api.Shared.Transactions;
using Api.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.Webhooks;

/// <summary>
/// Registers an endpoint with a new signing secret, answered this once. At most
/// <see cref="WebhookOptions.MaxEndpointsPerPartner"/> per partner: the partner's row is locked
/// before counting, so parallel creates queue and the limit holds (SQLite has one writer anyway).
/// </summary>
public static class CreateWebhookEndpoint
{
    public static async Task<Results<Created<WebhookEndpointWithSecret>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        WebhookEndpointRequest body, StaffMember staff, [AsParameters] WebhookEndpointServices s, CancellationToken cancellationToken)
    {
        if (staff.PartnerId is not { } partnerId)
        {
            return WebhookEndpointServices.NoPartner();
        }

        var (input, problem) = await WebhookEndpointInput.CheckAsync(body, s.UrlCheck, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        await using var transaction = await SharedTransaction.BeginAsync(s.Db, cancellationToken);
        await s.Db.Partners.Where(p => p.Id == partnerId).ExecuteUpdateAsync(set => set.SetProperty(p => p.Name, p => p.Name), cancellationToken);
        var limit = s.Options.Value.MaxEndpointsPerPartner;
        if (await s.Scope(staff).CountAsync(cancellationToken) >= limit)
        {
            return Problems.Status(StatusCodes.Status409Conflict, "Too many webhook endpoints",
                $"Your organisation already has {limit} webhook endpoints. Delete one you no longer use, or send more events to one of them.");
        }

        var secret = WebhookSecrets.New();
        var endpoint = new WebhookEndpoint
        {
            PartnerId = partnerId,
            Url = input!.Url,
            Description = input.Description,
            Events = input.Events,
            ProtectedSecret = s.Secrets.Protect(secret),
            CreatedAt = s.Now,
        };
        s.Db.Add(endpoint);
        s.Record(staff, WebhookAuditActions.EndpointCreated, endpoint, after: new { endpoint.Url, endpoint.Description, endpoint.Events });
        await s.Db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/admin/webhooks/endpoints/{endpoint.Id}", new WebhookEndpointWithSecret(WebhookEndpointView.Of(endpoint), secret));
    }
}
