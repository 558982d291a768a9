using Api.Admin.Staff;
using Api.Audit;
using Api.Shared;
using Api.Sso.Accounts;
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
    public static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        Guid id, StaffMember staff, [AsParameters] EndUserServices s, CancellationToken cancellationToken)
    {
        var deleted = false;
        await s.ActAsync(staff, id, async user =>
        {
            // A deleted user leaves every funnel they were counted in.
            var tally = await s.FunnelTallies.BeginAsync(id, batchId: null, cancellationToken);
            deleted = await s.Db.EndUsers.Where(u => u.Id == id && !u.Deleted)
                .ExecuteUpdateAsync(set => set.SetProperty(u => u.Deleted, true), cancellationToken) == 1;
            if (!deleted)
            {
                return null;
            }

            await tally.CompleteAsync(cancellationToken);

            string? account = null;
            var authority = await s.Ownership.OfAsync(staff, user, cancellationToken);
            if (user is { MigratedToSso: true, SsoAccountId: { } accountId })
            {
                // Someone else's account is never deleted, whatever roles it has left.
                account = await s.Accounts.RemoveProductAccessAsync(
                    accountId, ProductRoles.PortalEndUser, cancellationToken, deleteWhenNoRoleLeft: authority == EndUserAuthority.Full) switch
                {
                    ProductAccessRemoval.AccountDeleted => "deleted",
                    ProductAccessRemoval.RoleRemoved => authority == EndUserAuthority.Full ? "kept for other products" : "kept: managed by its owner",
                    _ => null,
                };
            }
            else
            {
                if (user.PendingAccountId is not null)
                {
                    await s.Consent.WithdrawAsync(user, cancellationToken);
                }

                await s.EndSessionsAsync(user, authority, cancellationToken);
            }

            return new AuditedChange(AuditActions.EndUserDeleted, new { Deleted = false }, new { Deleted = true, SsoAccount = account });
        }, cancellationToken);

        // Not found, or deleted meanwhile by a parallel request: gone either way.
        return deleted ? TypedResults.NoContent() : EndUserProblems.NotFound();
    }
}
