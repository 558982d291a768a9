using Api.Admin.Staff;
using Api.Audit;
using Api.Infrastructure;
using Api.Infrastructure.Transactions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.EndUsers;

/// <summary>
/// Deletes an end user: portal access ends and every session with it. A migrated user's SSO
/// account loses the portal's role; it is kept if another product gave it a role, else deleted.
/// The row stays (marked deleted) for the audit trail. One conditional update, as for disable.
/// </summary>
public static class DeleteEndUser
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

        var changed = await s.Db.EndUsers.Where(u => u.Id == id && !u.Deleted)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.Deleted, true), cancellationToken);
        if (changed == 0)
        {
            return EndUserProblems.NotFound();
        }

        string? account = null;
        if (user is { MigratedToSso: true, SsoAccountId: { } accountId })
        {
            account = await s.Accounts.RemoveProductAccessAsync(accountId, ProductRoles.PortalEndUser, cancellationToken) switch
            {
                Sso.Accounts.ProductAccessRemoval.AccountDeleted => "deleted",
                Sso.Accounts.ProductAccessRemoval.RoleRemoved => "kept for other products",
                _ => null,
            };
        }
        else
        {
            await s.EndSessionsAsync(user, cancellationToken);
        }

        s.Record(staff, AuditActions.EndUserDeleted, user, before: new { Deleted = false }, after: new { Deleted = true, SsoAccount = account });
        await s.Db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
