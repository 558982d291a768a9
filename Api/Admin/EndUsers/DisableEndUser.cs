using Api.Admin.Staff;
using Api.Audit;
using Api.Infrastructure.Transactions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.EndUsers;

/// <summary>
/// Disables an end user: sign-in is refused and every session ends after the commit, so their
/// next call fails on every replica. One conditional update: of many parallel disables one
/// changes the row and writes the audit entry; the others find nothing to change.
/// </summary>
public static class DisableEndUser
{
    public static async Task<Results<NoContent, ProblemHttpResult>> Handle(
        Guid id, StaffMember staff, [AsParameters] EndUserServices s, CancellationToken cancellationToken) =>
        await ApplyAsync(id, staff, s, cancellationToken) ? TypedResults.NoContent() : EndUserProblems.NotFound();

    /// <summary>False when the caller may not see this end user; true when it is disabled now (by this call or before).</summary>
    public static async Task<bool> ApplyAsync(Guid id, StaffMember staff, EndUserServices s, CancellationToken cancellationToken)
    {
        await using var transaction = await SharedTransaction.BeginAsync(s.Db, cancellationToken);
        var user = await s.FindAsync(staff, id, cancellationToken);
        if (user is null)
        {
            return false;
        }

        var changed = await s.Db.EndUsers.Where(u => u.Id == id && u.Enabled && !u.Deleted)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.Enabled, false), cancellationToken);
        if (changed == 1)
        {
            await s.EndSessionsAsync(user, cancellationToken);
            s.Record(staff, AuditActions.EndUserDisabled, user, before: new { Enabled = true }, after: new { Enabled = false });
            await s.Db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return true;
    }
}
