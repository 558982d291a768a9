using Api.Audit;
using Api.Data;
using Api.Portal;
using Api.Webhooks;
using Api.Portal.LegacyLogin;
using Api.Shared.Transactions;
using Api.Sso.Accounts;
using Api.SsoMigration.Batches;
using Api.SsoMigration.Execution;
using Api.SsoMigration.Funnel;
using Microsoft.EntityFrameworkCore;

namespace Api.SsoMigration.NextLogin;

/// <summary>
/// Mixed mode: while a batch's window is open (<see cref="MigrationBatch.WindowOpensAt"/> passed, the
/// batch scheduled or running), a user of its clients who proves their password on the portal's
/// form moves to SSO at that moment, with that password in the SSO's own format (never the row's
/// older hash), exactly as the batch would move them otherwise: the same migrator, the row's hash
/// kept on the user's result in the batch for a rollback, the same audit entry.
/// <para>
/// Exactly once, by the run's own means: the user's result row in the batch (unique per batch and
/// user) is claimed with the runner's guarded update (still Pending), and the move, its result and
/// its audit entry commit together; a move that does not succeed leaves nothing behind (not even
/// the result row), and the batch deals with the user at its date.
/// </para>
/// </summary>
public sealed class NextLoginMigration(AppDbContext db, EndUserMigrator migrator, FunnelTallies tallies, AccountAdministration accounts, AuditLog audit, EndUserWebhooks webhooks, TimeProvider clock)
    : INextLoginMigration
{
    /// <summary>The result's sentence: the batch's page says why it did not move this user itself.</summary>
    public const string MovedAtLogIn = "Moved to Single Sign-On when they logged in on the portal's form, before the batch ran.";

    /// <summary>Called just before the move asks for its transaction: a seam for tests that race a run against a log-in in a set order.</summary>
    internal Action? BeforeTransaction { get; set; }

    public async Task<NextLoginOutcome> MoveIfWindowOpenAsync(Guid endUserId, string password, CancellationToken cancellationToken)
    {
        // The caller's rows may be stale by now; the migrator reads the user afresh.
        db.ChangeTracker.Clear();
        var now = clock.GetUtcNow().UtcDateTime;
        // A first look outside any transaction: most log-ins have no window open.
        var batchId = await OpenWindows(now)
            .Where(b => b.Clients.Any(c => db.EndUsers.Any(u => u.Id == endUserId && u.ClientId == c.ClientId)))
            .Select(b => (Guid?)b.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (batchId is not { } id)
        {
            return NextLoginOutcome.NotInWindow;
        }

        // The one expensive step, before the writers' gate.
        var passwordHash = accounts.HashPassword(password);
        BeforeTransaction?.Invoke();
        await using var transaction = await SharedTransaction.BeginAsync(db, cancellationToken);
        // Holds the batch until the commit (on SQL Server its row stays locked): a cancel, a change of
        // the window or the run's completion at this very moment comes wholly before or after the move.
        // The run may have moved the user, and even finished the batch, while this log-in waited.
        if (await OpenWindows(now).Where(b => b.Id == id).ExecuteUpdateAsync(set => set.SetProperty(b => b.WindowOpensAt, b => b.WindowOpensAt), cancellationToken) == 0
            || await ClaimResultAsync(id, endUserId, cancellationToken) is not { } resultId)
        {
            return await db.EndUsers.AnyAsync(u => u.Id == endUserId && u.MigratedToSso, cancellationToken)
                ? NextLoginOutcome.AlreadyMoved
                : NextLoginOutcome.NotInWindow;
        }

        var outcome = await migrator.MigrateAsync(endUserId, passwordHash, cancellationToken);
        if (outcome.Status is not (MigrationOutcomeStatus.Migrated or MigrationOutcomeStatus.Linked))
        {
            // Left as it was (the transaction rolls back): skipped or failed, the batch decides at its date.
            return outcome.Reason == EndUserMigrator.AlreadyMigrated ? NextLoginOutcome.AlreadyMoved : NextLoginOutcome.NotInWindow;
        }

        var tally = tallies.Entering(endUserId, id);
        await db.MigrationResults.Where(r => r.Id == resultId).ExecuteUpdateAsync(set => set
            .SetProperty(r => r.Status, outcome.Status)
            .SetProperty(r => r.Reason, MovedAtLogIn)
            .SetProperty(r => r.LegacyPasswordHashBefore, outcome.LegacyPasswordHashBefore)
            .SetProperty(r => r.CompletedAt, now), cancellationToken);
        var user = await db.EndUsers.AsNoTracking().Where(u => u.Id == endUserId)
            .Select(u => new { u.DisplayName, u.PartnerId, u.SsoAccountId }).SingleAsync(cancellationToken);
        audit.Record(AuditActor.System, AuditActions.UserMigrated, user.PartnerId, new AuditTarget("end-user", endUserId.ToString(), user.DisplayName),
            after: new { Status = MigrationWire.Status(outcome.Status), Reason = MovedAtLogIn });
        await webhooks.RaiseAsync(endUserId, outcome.Status == MigrationOutcomeStatus.Linked ? WebhookEventTypes.EndUserLinked : WebhookEventTypes.EndUserMigrated,
            AuditActor.System.Name, new { BatchId = id }, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await tally.CompleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new NextLoginOutcome(NextLoginStatus.Moved, user.SsoAccountId, AccountCreated: outcome.Status == MigrationOutcomeStatus.Migrated);
    }

    /// <summary>
    /// The user's result row in the batch, claimed as the runner claims it (Pending → one more
    /// attempt); written first when the run has not queued the user yet. Null when the row is no
    /// longer Pending: moved already, excluded by the operator, skipped, failed or rolled back.
    /// </summary>
    private async Task<Guid?> ClaimResultAsync(Guid batchId, Guid endUserId, CancellationToken cancellationToken)
    {
        var resultId = await db.MigrationResults.Where(r => r.BatchId == batchId && r.EndUserId == endUserId)
            .Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken);
        if (resultId is null)
        {
            var queued = new MigrationResult { BatchId = batchId, EndUserId = endUserId };
            db.MigrationResults.Add(queued);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // The run queued the user at this very moment (SQL Server; SQLite's writers queue):
                // the run moves them, and this log-in goes on as before.
                db.ChangeTracker.Clear();
                return null;
            }

            resultId = queued.Id;
        }

        var claimed = await db.MigrationResults.Where(r => r.Id == resultId && r.Status == MigrationOutcomeStatus.Pending)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.Attempts, r => r.Attempts + 1), cancellationToken);
        return claimed == 1 ? resultId : null;
    }

    private IQueryable<MigrationBatch> OpenWindows(DateTime now) => db.MigrationBatches.Where(b =>
        b.WindowOpensAt != null && b.WindowOpensAt <= now
        && (b.Status == MigrationBatchStatus.Scheduled || b.Status == MigrationBatchStatus.Running));
}
