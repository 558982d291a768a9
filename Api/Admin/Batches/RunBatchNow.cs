using Api.Admin.Staff;
using Api.SsoMigration.Execution;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Admin.Batches;

/// <summary>Run now: a scheduled batch is due at once and this replica's runner is woken; the SPA then follows its progress.</summary>
public static class RunBatchNow
{
    public static async Task<Results<Accepted, ProblemHttpResult>> HandleAsync(Guid id, StaffMember staff, BatchControl control, CancellationToken cancellationToken) =>
        await control.RunNowAsync(id, staff.Actor, cancellationToken) switch
        {
            RunNowOutcome.Started or RunNowOutcome.AlreadyRunning => TypedResults.Accepted((string?)null),
            RunNowOutcome.Closed => ExecutionProblems.NotRunnable(),
            _ => ExecutionProblems.BatchNotFound(),
        };
}
