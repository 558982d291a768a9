using Api.Admin.Staff;
using Api.Audit;
using Api.Infrastructure.Transactions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.EndUsers;

/// <summary>Lets a disabled end user sign in again; enabling an enabled user changes nothing and is not audited.</summary>
public static class EnableEndUser
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

        var changed = await s.Db.EndUsers.Where(u => u.Id == id && !u.Enabled && !u.Deleted)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.Enabled, true), cancellationToken);
        if (changed == 1)
        {
            s.Record(staff, AuditActions.EndUserEnabled, user, before: new { Enabled = false }, after: new { Enabled = true });
            await s.Db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return TypedResults.NoContent();
    }
}
