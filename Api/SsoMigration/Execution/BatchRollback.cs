using Api.Audit;
using Api.Data;
using Api.Shared.Transactions;
using Api.SsoMigration.Batches;
using Api.Sso.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Api.SsoMigration.Execution;

/// <summary>What a batch rollback did; <see cref="SignedIn"/> counts the users who already signed in with SSO when refused.</summary>
public sealed record BatchRollbackOutcome(BatchRollbackStatus Status, int SignedIn = 0);

public enum BatchRollbackStatus
{
    RolledBack,

    /// <summary>Some of its users have signed in with SSO since: undoing would take away what they use.</summary>
    UsersSignedIn,

    /// <summary>Scheduled, running or cancelled: nothing (or not yet everything) to undo.</summary>
    NotCompleted,
    NotFound,
}

/// <summary>
/// Undoes a completed batch while none of its migrated users has signed in with SSO: the batch
/// becomes RolledBack (which makes it final at once: no retry, no runner), then each user is
/// rolled back in a transaction of its own (<see cref="UserRollback"/>). Interrupted, it is
/// simply asked again: a RolledBack batch with users left finishes them.
/// </summary>
public sealed class BatchRollback(AppDbContext db, AccountAdministration accounts, UserRollback users, AuditLog audit)
{
    public async Task<BatchRollbackOutcome> RollBackAsync(Guid batchId, AuditActor actor, CancellationToken cancellationToken)
    {
        await using (var transaction = await SharedTransaction.BeginAsync(db, cancellationToken))
        {
            var batch = await db.MigrationBatches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == batchId, cancellationToken);
            if (batch is null)
            {
                return new BatchRollbackOutcome(BatchRollbackStatus.NotFound);
            }

            if (batch.Status is not (MigrationBatchStatus.Completed or MigrationBatchStatus.RolledBack))
            {
                return new BatchRollbackOutcome(BatchRollbackStatus.NotCompleted);
            }

            // Signed in since their migration: a linked account may have signed in to another
            // product before, which does not count.
            var signedIn = await Migrated(batchId)
                .Join(db.EndUsers, r => r.EndUserId, u => u.Id, (r, u) => u)
                .Join(accounts.Standings, u => u.SsoAccountId, a => a.AccountId, (u, a) => new { u.MigratedAt, a.LastLoginAt })
                .CountAsync(x => x.LastLoginAt != null && x.LastLoginAt >= x.MigratedAt, cancellationToken);
            if (signedIn > 0)
            {
                return new BatchRollbackOutcome(BatchRollbackStatus.UsersSignedIn, signedIn);
            }

            if (batch.Status == MigrationBatchStatus.Completed)
            {
                await db.MigrationBatches.Where(b => b.Id == batchId && b.Status == MigrationBatchStatus.Completed)
                    .ExecuteUpdateAsync(set => set.SetProperty(b => b.Status, MigrationBatchStatus.RolledBack), cancellationToken);
                audit.Record(actor, AuditActions.BatchRolledBack, null, BatchTarget.Of(batch),
                    new { Status = "completed" }, new { Status = "rolled-back", Users = await Migrated(batchId).CountAsync(cancellationToken) });
                await db.SaveChangesAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        foreach (var endUserId in await Migrated(batchId).Select(r => r.EndUserId).ToListAsync(cancellationToken))
        {
            db.ChangeTracker.Clear();
            await users.RollBackAsync(batchId, endUserId, actor, cancellationToken);
        }

        return new BatchRollbackOutcome(BatchRollbackStatus.RolledBack);
    }

    private IQueryable<MigrationResult> Migrated(Guid batchId) =>
        db.MigrationResults.Where(r => r.BatchId == batchId && (r.Status == MigrationOutcomeStatus.Migrated || r.Status == MigrationOutcomeStatus.Linked));
}
