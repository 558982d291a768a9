using Api.Audit;
using Api.Data;
using Api.Shared.Transactions;
using Api.SsoMigration.Batches;
using Microsoft.EntityFrameworkCore;

namespace Api.SsoMigration.Execution;

public enum RunNowOutcome
{
    Started,
    AlreadyRunning,

    /// <summary>Cancelled, completed or rolled back: nothing left to run.</summary>
    Closed,
    NotFound,
}

public enum RetryOutcome
{
    Queued,

    /// <summary>The user has no failed result in this batch.</summary>
    NotFailed,

    /// <summary>The batch was rolled back (or cancelled): it runs no more.</summary>
    Closed,
    NotFound,
}

/// <summary>An operator's hand on the runner: run a scheduled batch now, retry a failed user. Both wake this replica's runner after the commit.</summary>
public sealed class BatchControl(AppDbContext db, AuditLog audit, BatchRunnerSignal signal, TimeProvider clock)
{
    /// <summary>A scheduled batch becomes due now; a running one is left as it is.</summary>
    public async Task<RunNowOutcome> RunNowAsync(Guid batchId, AuditActor actor, CancellationToken cancellationToken)
    {
        await using var transaction = await SharedTransaction.BeginAsync(db, cancellationToken);
        var batch = await db.MigrationBatches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == batchId, cancellationToken);
        if (batch is null)
        {
            return RunNowOutcome.NotFound;
        }

        // Read after the batch, so a click that saw another click's new date has a later "now" and
        // finds the batch already due.
        var now = clock.GetUtcNow().UtcDateTime;

        // Conditional on the date this click saw, so a cancel that lands at the same moment wins or
        // loses as a whole, and of many clicks at once only the first moves the date (and is
        // audited): each click has its own "now", and without the seen date a click with an earlier
        // "now" would move the date again, back to its own.
        var moved = await db.MigrationBatches
            .Where(b => b.Id == batchId && b.Status == MigrationBatchStatus.Scheduled && b.ScheduledAt == batch.ScheduledAt && b.ScheduledAt > now)
            .ExecuteUpdateAsync(set => set.SetProperty(b => b.ScheduledAt, now), cancellationToken);
        if (moved == 0)
        {
            var status = await db.MigrationBatches.Where(b => b.Id == batchId).Select(b => b.Status).FirstAsync(cancellationToken);
            return status is MigrationBatchStatus.Running or MigrationBatchStatus.Scheduled ? RunNowOutcome.AlreadyRunning : RunNowOutcome.Closed;
        }

        audit.Record(actor, AuditActions.BatchStarted, null, BatchTarget.Of(batch), new { batch.ScheduledAt }, new { ScheduledAt = now, RunNow = true });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        signal.Notify();
        return RunNowOutcome.Started;
    }

    /// <summary>
    /// A failed user goes back to Pending (attempts kept) and a completed batch becomes claimable
    /// again (Running without a lease), so a runner picks the user up; a running batch finds the
    /// user in its next chunk.
    /// </summary>
    public async Task<RetryOutcome> RetryAsync(Guid batchId, Guid endUserId, AuditActor actor, CancellationToken cancellationToken)
    {
        await using var transaction = await SharedTransaction.BeginAsync(db, cancellationToken);
        var batch = await db.MigrationBatches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == batchId, cancellationToken);
        var user = await db.EndUsers.AsNoTracking().Where(u => u.Id == endUserId)
            .Select(u => new { u.DisplayName, u.Client!.PartnerId }).FirstOrDefaultAsync(cancellationToken);
        if (batch is null || user is null)
        {
            return RetryOutcome.NotFound;
        }

        if (batch.Status is not (MigrationBatchStatus.Running or MigrationBatchStatus.Completed))
        {
            return RetryOutcome.Closed;
        }

        var reopened = await db.MigrationResults
            .Where(r => r.BatchId == batchId && r.EndUserId == endUserId && r.Status == MigrationOutcomeStatus.Failed)
            .ExecuteUpdateAsync(set => set
                .SetProperty(r => r.Status, MigrationOutcomeStatus.Pending)
                .SetProperty(r => r.CompletedAt, (DateTime?)null), cancellationToken);
        if (reopened == 0)
        {
            return RetryOutcome.NotFailed;
        }

        await db.MigrationBatches.Where(b => b.Id == batchId && b.Status == MigrationBatchStatus.Completed)
            .ExecuteUpdateAsync(set => set
                .SetProperty(b => b.Status, MigrationBatchStatus.Running)
                .SetProperty(b => b.CompletedAt, (DateTime?)null)
                .SetProperty(b => b.LeaseOwner, (string?)null)
                .SetProperty(b => b.LeaseUntil, (DateTime?)null), cancellationToken);
        audit.Record(actor, AuditActions.UserMigrationRetried, user.PartnerId, new AuditTarget("end-user", endUserId.ToString(), user.DisplayName),
            after: new { Batch = batch.Name });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        signal.Notify();
        return RetryOutcome.Queued;
    }
}
