using Api.Admin.Staff;
using Api.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.EndUsers;

/// <summary>Lets a disabled end user sign in again; enabling an enabled user changes nothing and is not audited.</summary>
public static class EnableEndUser
{
    public static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        Guid id, StaffMember staff, [AsParameters] EndUserServices s, CancellationToken cancellationToken)
    {
        var found = await s.ActAsync(staff, id, async _ =>
            await s.Db.EndUsers.Where(u => u.Id == id && !u.Enabled && !u.Deleted)
                .ExecuteUpdateAsync(set => set.SetProperty(u => u.Enabled, true), cancellationToken) == 1
                ? new AuditedChange(AuditActions.EndUserEnabled, new { Enabled = false }, new { Enabled = true })
                : null, cancellationToken);
        return found ? TypedResults.NoContent() : EndUserProblems.NotFound();
    }
}
