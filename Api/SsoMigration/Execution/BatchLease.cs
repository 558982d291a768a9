using Api.Data;
using Api.SsoMigration.Batches;
using Microsoft.EntityFrameworkCore;

namespace Api.SsoMigration.Execution;

/// <summary>
/// The right of one runner to work on one batch for a while, taken and renewed by a conditional
/// UPDATE: the outbox's pattern. No new dependency (no distributed lock service), the database is
/// already shared by every replica, and a lease only needs to keep replicas from working side by
/// side: exactly-once per user comes from each result row's own guarded update anyway.
/// </summary>
public sealed class BatchLease(string owner, TimeSpan duration, TimeProvider clock)
{
    public string Owner => owner;

    /// <summary>
    /// Takes a due batch: a scheduled one whose time has come, or a running one whose lease
    /// expired (its replica died) or that a retry reopened. Null when none is due or another
    /// runner took it first. <paramref name="started"/> is true for the batch's very first claim.
    /// </summary>
    public async Task<(Guid BatchId, bool Started)?> ClaimAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var candidate = await Due(db.MigrationBatches, now)
            .OrderBy(b => b.ScheduledAt)
            .Select(b => new { b.Id, b.StartedAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (candidate is null)
        {
            return null;
        }

        var until = now + duration;
        var claimed = await Due(db.MigrationBatches.Where(b => b.Id == candidate.Id), now).ExecuteUpdateAsync(set => set
            .SetProperty(b => b.LeaseOwner, owner)
            .SetProperty(b => b.LeaseUntil, until)
            .SetProperty(b => b.Status, MigrationBatchStatus.Running)
            .SetProperty(b => b.StartedAt, b => b.StartedAt ?? now), cancellationToken);
        return claimed == 1 ? (candidate.Id, candidate.StartedAt is null) : null;
    }

    /// <summary>Extends the lease; false when this runner lost it (it expired and another runner took the batch).</summary>
    public async Task<bool> RenewAsync(AppDbContext db, Guid batchId, CancellationToken cancellationToken)
    {
        var until = clock.GetUtcNow().UtcDateTime + duration;
        return await Held(db, batchId).ExecuteUpdateAsync(set => set.SetProperty(b => b.LeaseUntil, until), cancellationToken) == 1;
    }

    /// <summary>The batch, while this runner holds its lease.</summary>
    public IQueryable<MigrationBatch> Held(AppDbContext db, Guid batchId) =>
        db.MigrationBatches.Where(b => b.Id == batchId && b.Status == MigrationBatchStatus.Running && b.LeaseOwner == owner);

    // This runner's own lease counts as expired: after an error it picks its batch up again at
    // the next poll rather than waiting out the lease it holds itself.
    private IQueryable<MigrationBatch> Due(IQueryable<MigrationBatch> batches, DateTime now) => batches.Where(b =>
        (b.Status == MigrationBatchStatus.Scheduled && b.ScheduledAt <= now)
        || (b.Status == MigrationBatchStatus.Running && (b.LeaseUntil == null || b.LeaseUntil < now || b.LeaseOwner == owner)));
}
