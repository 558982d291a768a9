using Api.Audit;
using Api.Data;
using Api.Portal;
using Api.Webhooks;
using Api.Shared.Transactions;
using Api.SsoMigration.Batches;
using Api.SsoMigration.Funnel;
using Microsoft.EntityFrameworkCore;

namespace Api.SsoMigration.Execution;

/// <summary>
/// Migrates one queued user of a batch in one transaction: the result row is claimed first with
/// a guarded update (Status still Pending), then the user is migrated, the outcome written and
/// audited, and everything commits together. A runner killed anywhere leaves either all of it or
/// none of it; a second runner on the same row finds it no longer Pending and does nothing.
/// </summary>
public sealed class UserMigrationStep(AppDbContext db, EndUserMigrator migrator, FunnelTallies tallies, AuditLog audit, EndUserWebhooks webhooks, TimeProvider clock)
{
    private const int MaxReasonLength = 500;

    /// <summary>Called after the user is migrated and before the commit: a seam for tests that kill a run at the worst moment.</summary>
    internal Action<Guid>? BeforeCommit { get; set; }

    /// <summary>Called before the user's transaction begins: a seam for tests that let another writer go first, in a set order.</summary>
    internal Action<Guid>? BeforeTransaction { get; set; }

    /// <summary>What happened, or null when another runner had already dealt with this user (or the batch was paused).</summary>
    public async Task<MigrationOutcomeStatus?> RunAsync(PendingUser user, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        UserMigration outcome;
        BeforeTransaction?.Invoke(user.EndUserId);
        await using (var transaction = await SharedTransaction.BeginAsync(db, cancellationToken))
        {
            // Only while the batch runs: a pause stops the run at the next user, not the next chunk.
            var claimed = await Claim(user)
                .Where(r => db.MigrationBatches.Any(b => b.Id == r.BatchId && b.Status == MigrationBatchStatus.Running))
                .ExecuteUpdateAsync(set => set.SetProperty(r => r.Attempts, r => r.Attempts + 1), cancellationToken);
            if (claimed == 0)
            {
                return null;
            }

            try
            {
                outcome = await migrator.MigrateAsync(user.EndUserId, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                outcome = UserMigration.Failed($"Could not be migrated: {exception.Message}");
            }

            if (outcome.Status != MigrationOutcomeStatus.Failed)
            {
                // A moved user enters the batch's funnel (with any steps they took before a rollback).
                var tally = tallies.Entering(user.EndUserId, user.BatchId);
                await RecordAsync(user, outcome, attempt: 0, cancellationToken);
                await tally.CompleteAsync(cancellationToken);
                BeforeCommit?.Invoke(user.EndUserId);
                await transaction.CommitAsync(cancellationToken);
                return outcome.Status;
            }
        }

        // A failure leaves nothing of the attempt: its transaction rolled back (account, link,
        // claim). Only the failure itself is written, as the same guarded update.
        db.ChangeTracker.Clear();
        await using (var transaction = await SharedTransaction.BeginAsync(db, cancellationToken))
        {
            if (await RecordAsync(user, outcome, attempt: 1, cancellationToken) == 0)
            {
                return null;
            }

            await transaction.CommitAsync(cancellationToken);
            return outcome.Status;
        }
    }

    private async Task<int> RecordAsync(PendingUser user, UserMigration outcome, int attempt, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var reason = outcome.Reason is { Length: > MaxReasonLength } tooLong ? tooLong[..MaxReasonLength] : outcome.Reason;
        var written = await Claim(user).ExecuteUpdateAsync(set => set
            .SetProperty(r => r.Status, outcome.Status)
            .SetProperty(r => r.Reason, reason)
            .SetProperty(r => r.LegacyPasswordHashBefore, outcome.LegacyPasswordHashBefore)
            .SetProperty(r => r.Attempts, r => r.Attempts + attempt)
            .SetProperty(r => r.CompletedAt, now), cancellationToken);
        if (written == 1)
        {
            var action = outcome.Status switch
            {
                MigrationOutcomeStatus.Failed => AuditActions.UserMigrationFailed,
                MigrationOutcomeStatus.Skipped => AuditActions.UserMigrationSkipped,
                _ => AuditActions.UserMigrated,
            };
            audit.Record(AuditActor.System, action, user.PartnerId, new AuditTarget("end-user", user.EndUserId.ToString(), user.Name),
                after: new { Status = MigrationWire.Status(outcome.Status), outcome.Reason });
            if (outcome.Status is MigrationOutcomeStatus.Migrated or MigrationOutcomeStatus.Linked)
            {
                var type = outcome.Status == MigrationOutcomeStatus.Linked ? WebhookEventTypes.EndUserLinked : WebhookEventTypes.EndUserMigrated;
                await webhooks.RaiseAsync(user.EndUserId, type, AuditActor.System.Name, new { user.BatchId }, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return written;
    }

    private IQueryable<MigrationResult> Claim(PendingUser user) =>
        db.MigrationResults.Where(r => r.Id == user.ResultId && r.Status == MigrationOutcomeStatus.Pending);
}
