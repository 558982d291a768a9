using Api.Admin.Staff;
using Api.Audit;
using Api.Infrastructure.Transactions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Api.Admin.EndUsers;

/// <summary>
/// Removes a migrated user's authenticator (a lost phone): every session ends, the next sign-in
/// enrols a new one, and the user is told by e-mail. Users not on SSO have none (409).
/// </summary>
public static class ResetMfa
{
    public static async Task<Results<NoContent, ProblemHttpResult>> Handle(
        Guid id, StaffMember staff, [AsParameters] EndUserServices s, CancellationToken cancellationToken)
    {
        await using var transaction = await SharedTransaction.BeginAsync(s.Db, cancellationToken);
        var user = await s.FindAsync(staff, id, cancellationToken);
        if (user is null)
        {
            return EndUserProblems.NotFound();
        }

        if (user is not { MigratedToSso: true, SsoAccountId: { } accountId })
        {
            return EndUserProblems.NotOnSso();
        }

        if (!await s.Accounts.ResetAuthenticatorAsync(accountId, cancellationToken))
        {
            return EndUserProblems.NotFound();
        }

        s.Record(staff, AuditActions.MfaReset, user);
        await s.Db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
