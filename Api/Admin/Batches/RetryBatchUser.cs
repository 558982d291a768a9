using Api.Admin.Staff;
using Api.SsoMigration.Execution;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Admin.Batches;

/// <summary>Retry: one failed user goes back in the queue of the batch; the runner migrates that user alone.</summary>
public static class RetryBatchUser
{
    public static async Task<Results<Accepted, ProblemHttpResult>> HandleAsync(
        Guid id, Guid endUserId, StaffMember staff, BatchControl control, CancellationToken cancellationToken) =>
        await control.RetryAsync(id, endUserId, staff.Actor, cancellationToken) switch
        {
            RetryOutcome.Queued => TypedResults.Accepted((string?)null),
            RetryOutcome.NotFailed => ExecutionProblems.NotFailed(),
            RetryOutcome.Closed => ExecutionProblems.BatchClosed(),
            _ => ExecutionProblems.ResultNotFound(),
        };
}
