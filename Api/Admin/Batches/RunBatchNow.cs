using Api.Admin.Staff;
using Api.SsoMigration.Execution;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Admin.Batches;

/// <summary>
/// Run now: a scheduled batch is due at once (a paused one goes on) and this replica's runner is
/// woken; the SPA then follows its progress. When partners were told a later date, the operator
/// first confirms that the two weeks' notice is broken (409 until then), and the partners are
/// e-mailed at once.
/// </summary>
public static class RunBatchNow
{
    public static async Task<Results<Accepted, ProblemHttpResult>> HandleAsync(
        Guid id, RunBatchNowRequest? body, StaffMember staff, BatchControl control, CancellationToken cancellationToken)
    {
        var result = await control.RunNowAsync(id, staff.Actor, body?.ConfirmShortNotice == true, cancellationToken);
        return result.Outcome switch
        {
            RunNowOutcome.Started or RunNowOutcome.AlreadyRunning => TypedResults.Accepted((string?)null),
            RunNowOutcome.NeedsConfirmation => ExecutionProblems.ShortNotice(result.Batch!.ScheduledAt, result.Batch.TimeZone),
            RunNowOutcome.Closed => ExecutionProblems.NotRunnable(),
            _ => ExecutionProblems.BatchNotFound(),
        };
    }
}

/// <param name="ConfirmShortNotice">True once the operator has confirmed that running now breaks the notice partners were given.</param>
public sealed record RunBatchNowRequest(bool? ConfirmShortNotice);
