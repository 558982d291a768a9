using Api.Admin.Staff;
using Api.SsoMigration.Execution;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Admin.Batches;

/// <summary>Roll back one user: back on the portal's login form with the password they use today.</summary>
public static class RollBackBatchUser
{
    public static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        Guid id, Guid endUserId, StaffMember staff, UserRollback rollback, CancellationToken cancellationToken) =>
        await rollback.RollBackAsync(id, endUserId, staff.Actor, cancellationToken) switch
        {
            UserRollbackOutcome.RolledBack => TypedResults.NoContent(),
            UserRollbackOutcome.NotMigrated => ExecutionProblems.NotMigrated(),
            _ => ExecutionProblems.ResultNotFound(),
        };
}
