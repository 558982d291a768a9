using Api.Admin.Staff;
using Api.Audit;
using Api.Shared.Transactions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.ApiClients;

/// <summary>"Retire old secret": the secret before the last rotation stops working now, not at the end of its week.</summary>
public static class RetireOldApiClientSecret
{
    public static async Task<Results<Ok<ApiClientRow>, ProblemHttpResult>> HandleAsync(
        Guid apiClientId, StaffMember staff, [AsParameters] ApiClientServices s, CancellationToken cancellationToken)
    {
        if (staff.PartnerId is null)
        {
            return ApiClientProblems.PartnersOnly();
        }

        await using var transaction = await SharedTransaction.BeginAsync(s.Db, cancellationToken);
        if (await s.Visible(staff).Where(c => c.Id == apiClientId && c.RevokedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.PreviousSecretValidUntil, c => c.PreviousSecretValidUntil), cancellationToken) == 0)
        {
            return await s.Visible(staff).AnyAsync(c => c.Id == apiClientId, cancellationToken) ? ApiClientProblems.Revoked() : ApiClientProblems.NotFound();
        }

        var client = await s.Visible(staff).FirstAsync(c => c.Id == apiClientId, cancellationToken);
        var now = s.Clock.GetUtcNow().UtcDateTime;
        if (!await s.Registry.RetirePreviousSecretAsync(client.ClientId, cancellationToken))
        {
            return ApiClientProblems.NoOldSecret();
        }

        var before = client.PreviousSecretValidUntil;
        client.PreviousSecretValidUntil = null;
        s.Record(staff, AuditActions.ApiClientOldSecretRetired, client, before: new { OldSecretValidUntil = before });
        await s.Db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(ApiClientRow.Of(client, now));
    }
}
