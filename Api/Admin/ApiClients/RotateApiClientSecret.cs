using Api.Admin.Staff;
using Api.Audit;
using Api.Shared.Transactions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.ApiClients;

/// <summary>
/// Gives an API client a new secret, shown once; the current one keeps working until the partner
/// admin retires it or its week is over, so scripts can move over without an outage. The client's
/// row is locked first, so parallel rotations happen one after another: whatever their number, two
/// secrets work at most (the last one made and the one before it).
/// </summary>
public static class RotateApiClientSecret
{
    public static async Task<Results<Ok<RotatedApiClientSecret>, ProblemHttpResult>> HandleAsync(
        Guid apiClientId, StaffMember staff, [AsParameters] ApiClientServices s, CancellationToken cancellationToken)
    {
        if (staff.PartnerId is null)
        {
            return ApiClientProblems.PartnersOnly();
        }

        await using var transaction = await SharedTransaction.BeginAsync(s.Db, cancellationToken);
        var now = s.Clock.GetUtcNow().UtcDateTime;
        if (await s.Visible(staff).Where(c => c.Id == apiClientId && c.RevokedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.SecretRotatedAt, now), cancellationToken) == 0)
        {
            return await s.Visible(staff).AnyAsync(c => c.Id == apiClientId, cancellationToken) ? ApiClientProblems.Revoked() : ApiClientProblems.NotFound();
        }

        var client = await s.Visible(staff).FirstAsync(c => c.Id == apiClientId, cancellationToken);
        if (await s.Registry.RotateSecretAsync(client.ClientId, cancellationToken) is not { } rotated)
        {
            return ApiClientProblems.Revoked();
        }

        client.PreviousSecretValidUntil = rotated.PreviousValidUntil.UtcDateTime;
        s.Record(staff, AuditActions.ApiClientSecretRotated, client, after: new { OldSecretValidUntil = client.PreviousSecretValidUntil });
        await s.Db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(new RotatedApiClientSecret(ApiClientRow.Of(client, now), rotated.Secret));
    }
}
