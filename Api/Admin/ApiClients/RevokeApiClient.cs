using Api.Admin.Staff;
using Api.Audit;
using Api.Shared.Transactions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.ApiClients;

/// <summary>
/// Revokes an API client: the SSO forgets it (no new token), and the tokens it holds answer 401 at
/// their next request on every replica. One conditional update: of parallel revokes one writes
/// the audit entry; the others find it revoked already and answer the same.
/// </summary>
public static class RevokeApiClient
{
    public static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        Guid apiClientId, StaffMember staff, [AsParameters] ApiClientServices s, CancellationToken cancellationToken)
    {
        if (staff.PartnerId is null)
        {
            return ApiClientProblems.PartnersOnly();
        }

        await using var transaction = await SharedTransaction.BeginAsync(s.Db, cancellationToken);
        var now = s.Clock.GetUtcNow().UtcDateTime;
        if (await s.Visible(staff).Where(c => c.Id == apiClientId && c.RevokedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.RevokedAt, now).SetProperty(c => c.PreviousSecretValidUntil, (DateTime?)null), cancellationToken) == 0)
        {
            return await s.Visible(staff).AnyAsync(c => c.Id == apiClientId, cancellationToken) ? TypedResults.NoContent() : ApiClientProblems.NotFound();
        }

        var client = await s.Visible(staff).AsNoTracking().FirstAsync(c => c.Id == apiClientId, cancellationToken);
        await s.Registry.RevokeAsync(client.ClientId, cancellationToken);
        s.Record(staff, AuditActions.ApiClientRevoked, client, after: new { RevokedAt = now });
        await s.Db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
