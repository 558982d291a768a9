using Api.Admin.Staff;
using Api.SsoMigration.Execution;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Admin.Batches;

/// <summary>Roll back a whole batch, only while none of its users has signed in with SSO (409 says how many have).</summary>
public static class RollBackBatch
{
    public static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(Guid id, StaffMember staff, BatchRollback rollback, CancellationToken cancellationToken)
    {
        var outcome = await rollback.RollBackAsync(id, staff.Actor, cancellationToken);
        return outcome.Status switch
        {
            BatchRollbackStatus.RolledBack => TypedResults.NoContent(),
            BatchRollbackStatus.UsersSignedIn => ExecutionProblems.UsersSignedIn(outcome.SignedIn),
            BatchRollbackStatus.NotCompleted => ExecutionProblems.NotCompleted(),
            _ => ExecutionProblems.BatchNotFound(),
        };
    }
}
