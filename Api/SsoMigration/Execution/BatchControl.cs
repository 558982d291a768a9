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

    /// <summary>Partners were told a later date: running now breaks the notice, which the operator must confirm.</summary>
    NeedsConfirmation,

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

/// <summary>What Run now did, with the batch as the click found it (its date is the one partners may have been told).</summary>
public sealed record RunNowResult(RunNowOutcome Outcome, MigrationBatch? Batch = null);

/// <summary>
/// An operator's hand on the runner: run a scheduled (or paused) batch now, pause a running one,
/// retry a failed user. Each is one transaction with its audit entry and the notices it causes;
/// Run now and Retry wake this replica's runner after the commit.
/// </summary>
public sealed class BatchControl(AppDbContext db, AuditLog audit, IBatchOutcomeNotices notices, BatchRunnerSignal signal, TimeProvider clock)
{
    /// <summary>
    /// A scheduled batch becomes due now, a paused one goes on now; a running one is left as it is.
    /// Moving a date partners were told earlier breaks the two weeks' notice: refused unless
    /// <paramref name="confirmShortNotice"/>, and then the partners are e-mailed at once (by the one
    /// click that moves the date, in its transaction).
    /// </summary>
    public async Task<RunNowResult> RunNowAsync(Guid batchId, AuditActor actor, bool confirmShortNotice, CancellationToken cancellationToken)
    {
        await using var transaction = await SharedTransaction.BeginAsync(db, cancellationToken);
        var batch = await db.MigrationBatches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == batchId, cancellationToken);
        if (batch is null)
        {
            return new RunNowResult(RunNowOutcome.NotFound);
        }

        // Read after the batch, so a click that saw another click's new date has a later "now" and
        // finds the batch already due.
        var now = clock.GetUtcNow().UtcDateTime;
        if (batch.Status == MigrationBatchStatus.Scheduled && batch.ScheduledAt > now && !confirmShortNotice
            && await notices.AnyToldAsync(batchId, cancellationToken))
        {
            return new RunNowResult(RunNowOutcome.NeedsConfirmation, batch);
        }

        // Conditional on the date this click saw, so a cancel that lands at the same moment wins or
        // loses as a whole, and of many clicks at once only the first moves the date (and is
        // audited and mails the partners): each click has its own "now", and without the seen date
        // a click with an earlier "now" would move the date again, back to its own.
        var moved = await db.MigrationBatches
            .Where(b => b.Id == batchId && b.ScheduledAt == batch.ScheduledAt
                && ((b.Status == MigrationBatchStatus.Scheduled && b.ScheduledAt > now) || b.Status == MigrationBatchStatus.Paused))
            .ExecuteUpdateAsync(set => set.SetProperty(b => b.ScheduledAt, now).SetProperty(b => b.Status, MigrationBatchStatus.Scheduled), cancellationToken);
        if (moved == 0)
        {
            var status = await db.MigrationBatches.Where(b => b.Id == batchId).Select(b => b.Status).FirstAsync(cancellationToken);
            return new RunNowResult(status is MigrationBatchStatus.Running or MigrationBatchStatus.Scheduled ? RunNowOutcome.AlreadyRunning : RunNowOutcome.Closed);
        }

        var previous = batch.ScheduledAt;
        audit.Record(actor, AuditActions.BatchStarted, null, BatchTarget.Of(batch), new { ScheduledAt = previous }, new { ScheduledAt = now, RunNow = true });
        (batch.ScheduledAt, batch.Status) = (now, MigrationBatchStatus.Scheduled);
        await notices.QueueNewDateAsync(batch, previous, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        signal.Notify();
        return new RunNowResult(RunNowOutcome.Started, batch);
    }

    /// <summary>
    /// Stops a running batch where it is: the runner finishes the user in hand and takes no other;
    /// the users left stay Pending until the batch is rescheduled or run now. Its partners are told
    /// once. False when the batch is not running (or does not exist).
    /// </summary>
    public async Task<bool> PauseAsync(Guid batchId, AuditActor actor, CancellationToken cancellationToken)
    {
        await using var transaction = await SharedTransaction.BeginAsync(db, cancellationToken);
        var paused = await db.MigrationBatches.Where(b => b.Id == batchId && b.Status == MigrationBatchStatus.Running)
            .ExecuteUpdateAsync(set => set
                .SetProperty(b => b.Status, MigrationBatchStatus.Paused)
                .SetProperty(b => b.LeaseOwner, (string?)null)
                .SetProperty(b => b.LeaseUntil, (DateTime?)null), cancellationToken);
        if (paused == 0)
        {
            return false;
        }

        var batch = await db.MigrationBatches.AsNoTracking().SingleAsync(b => b.Id == batchId, cancellationToken);
        audit.Record(actor, AuditActions.BatchPaused, null, BatchTarget.Of(batch), new { Status = "running" }, new { Status = "paused" });
        await notices.QueuePausedAsync(batch, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
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
