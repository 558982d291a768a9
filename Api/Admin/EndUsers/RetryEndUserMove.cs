using Api.Admin.Staff;
using Api.Data;
using Api.Shared;
using Api.SsoMigration.Batches;
using Api.SsoMigration.Execution;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.EndUsers;

/// <summary>
/// Retry now, for a partner: an end user whose move to SSO failed goes back into the run that failed
/// them, at once, rather than waiting for its next date (once the partner has fixed the cause, or
/// to see whether a passing problem has passed). The operator's Retry, scoped to the caller's users:
/// of many clicks, one queues the user and the others are told there is nothing to retry.
/// </summary>
public static class RetryEndUserMove
{
    public static async Task<Results<Accepted, ProblemHttpResult>> HandleAsync(
        Guid id, StaffMember staff, AppDbContext db, BatchControl control, CancellationToken cancellationToken)
    {
        if (!await staff.Scope(db.EndUsers).AnyAsync(u => u.Id == id, cancellationToken))
        {
            return EndUserProblems.NotFound();
        }

        var batchId = await (from result in db.MigrationResults
                             where result.EndUserId == id && result.Status == MigrationOutcomeStatus.Failed
                             join batch in db.MigrationBatches on result.BatchId equals batch.Id
                             where batch.Status == MigrationBatchStatus.Running || batch.Status == MigrationBatchStatus.Completed
                             orderby batch.ScheduledAt descending
                             select (Guid?)batch.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return batchId is { } failedIn && await control.RetryAsync(failedIn, id, staff.Actor, cancellationToken) == RetryOutcome.Queued
            ? TypedResults.Accepted((string?)null)
            : Problems.Status(StatusCodes.Status409Conflict, "Nothing to retry", "Only an end user whose move to Single Sign-On failed can be retried; this one is not waiting on a failed move.");
    }
}
