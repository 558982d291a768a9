using Api.Audit;
using Api.Data;
using Api.Shared.Transactions;
using Api.SsoMigration.Batches;
using Microsoft.EntityFrameworkCore;

namespace Api.SsoMigration.Reminders;

/// <summary>What one pass sent: reminders to end users, digests to partners.</summary>
public sealed record ReminderPass(int Reminders, int Digests);

/// <summary>
/// The automatic reminders and the partners' digests, each exactly once (see
/// <see cref="MigrationReminder"/>): a pass finds what is due at a moment and sends each in its own
/// transaction, after reading the user again. Run by every replica's <see cref="ReminderSender"/>
/// without a lease; a test passes a moved clock, an operator in Development a moment days ahead.
/// </summary>
public sealed class MigrationReminders(
    AppDbContext db, DueReminders due, ReminderTargets targets, ReminderMailer mailer, ActivationDigests digests, AuditLog audit)
{
    /// <summary>Sends everything due at <paramref name="asOf"/>; returns what this pass sent (not what another writer sent first).</summary>
    public async Task<ReminderPass> RunAsync(DateTime asOf, CancellationToken cancellationToken)
    {
        var reminders = await RemindAsync(asOf, cancellationToken);
        db.ChangeTracker.Clear();
        return new ReminderPass(reminders, await digests.SendDueAsync(asOf, cancellationToken));
    }

    /// <summary>The reminders due at <paramref name="asOf"/> (not the digests); returns how many this pass sent.</summary>
    public async Task<int> RemindAsync(DateTime asOf, CancellationToken cancellationToken)
    {
        var sent = 0;
        foreach (var reminder in await due.AtAsync(asOf, cancellationToken))
        {
            // Each reminder starts from a clean unit of work: nothing of the previous one is saved again.
            db.ChangeTracker.Clear();
            if (await SendAsync(reminder, cancellationToken))
            {
                sent++;
            }
        }

        return sent;
    }

    private async Task<bool> SendAsync(DueReminder reminder, CancellationToken cancellationToken)
    {
        await using var transaction = await SharedTransaction.BeginAsync(db, cancellationToken);
        // Read again inside the transaction: since the pass looked, the user may have acted, been
        // disabled, deleted or rolled back, or their client's reminders turned off.
        var stillMoved = await db.MigrationResults.AnyAsync(r => r.BatchId == reminder.BatchId && r.EndUserId == reminder.EndUserId
            && (r.Status == MigrationOutcomeStatus.Migrated || r.Status == MigrationOutcomeStatus.Linked)
            && db.MigrationBatches.Any(b => b.Id == r.BatchId && b.Status == MigrationBatchStatus.Completed), cancellationToken);
        var (target, _) = stillMoved ? await targets.FindAsync(reminder.EndUserId, cancellationToken) : (null, null);
        if (target is null || target.Step != DueReminders.StepOf(reminder.Kind) || !target.User.Client!.AutomaticReminders)
        {
            return false;
        }

        if (!await mailer.SendAsync(target, reminder.Kind, MigrationReminder.ForBatch(reminder.BatchId), reminder.BatchId, sentBy: null, cancellationToken))
        {
            return false;
        }

        Record(AuditActor.System, target, reminder.Kind);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The audit entry of a reminder, on the end user, for their partner to see.</summary>
    public void Record(AuditActor actor, ReminderTarget target, MigrationReminderKind kind) =>
        audit.Record(actor, AuditActions.ReminderSent, target.User.PartnerId, new AuditTarget("end-user", target.User.Id.ToString(), target.User.DisplayName),
            after: new { Reminder = ReminderWireNames.Of(kind), Step = ReminderWireNames.Of(target.Step) });
}
