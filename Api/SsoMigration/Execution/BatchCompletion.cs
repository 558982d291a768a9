using Api.Audit;
using Api.Data;
using Api.Shared.Transactions;
using Api.SsoMigration.Batches;
using Api.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Api.SsoMigration.Execution;

/// <summary>
/// Closes a batch that has no Pending user left, in one transaction: status Completed, each of its
/// clients whose end users are now all on SSO marked migrated (their new users start on SSO), the
/// audit entry with the counts, and the Failed notice when some users failed.
/// </summary>
public sealed class BatchCompletion(AppDbContext db, AuditLog audit, IBatchOutcomeNotices notices, BatchWebhooks webhooks, MigrationMetrics metrics, TimeProvider clock)
{
    /// <summary>False when the batch is not this runner's to close (lease lost) or a user went back to Pending meanwhile (a retry).</summary>
    public async Task<bool> CompleteAsync(BatchLease lease, Guid batchId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await SharedTransaction.BeginAsync(db, cancellationToken);
        // One statement decides, so a retry that reopens a user at this very moment either comes
        // before (the batch stays running) or after (it reopens the completed batch).
        var completed = await lease.Held(db, batchId)
            .Where(b => !db.MigrationResults.Any(r => r.BatchId == b.Id && r.Status == MigrationOutcomeStatus.Pending))
            .ExecuteUpdateAsync(set => set
                .SetProperty(b => b.Status, MigrationBatchStatus.Completed)
                .SetProperty(b => b.CompletedAt, now)
                .SetProperty(b => b.LeaseOwner, (string?)null)
                .SetProperty(b => b.LeaseUntil, (DateTime?)null), cancellationToken);
        if (completed == 0)
        {
            return false;
        }

        var clients = db.Set<MigrationBatchClient>().Where(c => c.BatchId == batchId).Select(c => c.ClientId);
        await db.Clients
            .Where(c => clients.Contains(c.Id) && c.MigratedToSsoAt == null)
            .Where(c => !db.EndUsers.Any(u => u.ClientId == c.Id && !u.Deleted && !u.MigratedToSso))
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.MigratedToSsoAt, now), cancellationToken);

        var counts = await db.MigrationResults.Where(r => r.BatchId == batchId)
            .GroupBy(r => r.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => MigrationWire.Status(g.Status), g => g.Count, cancellationToken);
        var batch = await db.MigrationBatches.SingleAsync(b => b.Id == batchId, cancellationToken);
        audit.Record(AuditActor.System, AuditActions.BatchCompleted, null, BatchTarget.Of(batch), after: counts);
        if (counts.GetValueOrDefault(MigrationWire.Status(MigrationOutcomeStatus.Failed)) > 0)
        {
            await notices.QueueFailedAsync(batch, cancellationToken);
        }

        await webhooks.RaiseAsync(batchId, WebhookEventTypes.BatchCompleted, cancellationToken: cancellationToken);
        await webhooks.RaiseAsync(batchId, WebhookEventTypes.BatchFailed, failedOnly: true, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (batch.StartedAt is { } startedAt)
        {
            metrics.BatchCompleted(now - startedAt);
        }

        return true;
    }
}
