using Api.Admin.Staff;
using Api.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.EndUsers;

/// <summary>
/// Disables an end user: the portal refuses them at once, on every replica. For an SSO account the
/// partner manages, sign-in is refused too and every session ends after the commit; someone else's
/// account keeps signing in to other products. One conditional update: of many parallel disables one
/// changes the row and writes the audit entry; the others find nothing to change.
/// </summary>
public static class DisableEndUser
{
    public static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        Guid id, StaffMember staff, [AsParameters] EndUserServices s, CancellationToken cancellationToken) =>
        await ApplyAsync(id, staff, s, cancellationToken) ? TypedResults.NoContent() : EndUserProblems.NotFound();

    /// <summary>False when the caller may not see this end user; true when it is disabled now (by this call or before).</summary>
    public static Task<bool> ApplyAsync(Guid id, StaffMember staff, EndUserServices s, CancellationToken cancellationToken) =>
        s.ActAsync(staff, id, async user =>
        {
            if (await s.Db.EndUsers.Where(u => u.Id == id && u.Enabled && !u.Deleted)
                    .ExecuteUpdateAsync(set => set.SetProperty(u => u.Enabled, false), cancellationToken) == 0)
            {
                return null;
            }

            await s.EndSessionsAsync(user, await s.Ownership.OfAsync(staff, user, cancellationToken), cancellationToken);
            return new AuditedChange(AuditActions.EndUserDisabled, new { Enabled = true }, new { Enabled = false });
        }, cancellationToken);
}
