using Api.Admin.Staff;
using Api.Audit;
using Api.Data;
using Api.Shared;
using Api.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Api.Admin.Webhooks;

/// <summary>What every webhook endpoint action needs, bound by <c>[AsParameters]</c>; plus the steps they share.</summary>
public sealed record WebhookEndpointServices(
    AppDbContext Db, AuditLog Audit, WebhookSecrets Secrets, WebhookUrlCheck UrlCheck, WebhookEvents Events, IOptions<WebhookOptions> Options, TimeProvider Clock)
{
    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    /// <summary>The caller's partner's endpoints (none for an operator, who has no partner).</summary>
    public IQueryable<WebhookEndpoint> Scope(StaffMember staff) =>
        Db.Set<WebhookEndpoint>().Where(e => staff.PartnerId != null && e.PartnerId == staff.PartnerId);

    /// <summary>An endpoint of the caller's partner, tracked; null for another partner's or an unknown id.</summary>
    public Task<WebhookEndpoint?> FindAsync(StaffMember staff, Guid id, CancellationToken cancellationToken) =>
        Scope(staff).FirstOrDefaultAsync(e => e.Id == id, cancellationToken);

    public void Record(StaffMember staff, string action, WebhookEndpoint endpoint, object? before = null, object? after = null) =>
        Audit.Record(staff.Actor, action, endpoint.PartnerId, new AuditTarget("webhook-endpoint", endpoint.Id.ToString(), endpoint.Url), before, after);

    /// <summary>Another partner's endpoint answers exactly like one that does not exist.</summary>
    public static ProblemHttpResult NotFound() =>
        Problems.Status(StatusCodes.Status404NotFound, "Webhook endpoint not found", "This webhook endpoint does not exist, or is not one of your organisation's.");

    /// <summary>The answer to an operator: endpoints belong to one partner, and they have none.</summary>
    public static ProblemHttpResult NoPartner() =>
        Problems.Status(
            StatusCodes.Status409Conflict,
            "Webhooks belong to a partner",
            "Webhook endpoints are registered by each partner's admin for their own organisation. Platform operators have no partner of their own: ask the partner's admin.");
}
