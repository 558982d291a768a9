using Api.Data;
using Api.Sso.Accounts;
using Api.SsoMigration.Batches;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Api.SsoMigration.Reminders;

/// <summary>An automatic reminder due: to whom, for the batch that moved them, and which one.</summary>
public sealed record DueReminder(Guid BatchId, Guid EndUserId, MigrationReminderKind Kind);

/// <summary>
/// Which automatic reminders are due at a moment: users moved (migrated or linked) by a batch
/// completed at least <see cref="ReminderOptions.FirstAfterDays"/> days before it (and not longer
/// than <see cref="ReminderOptions.StopAfterDays"/>), still on SSO, enabled, not deleted, of a client
/// with automatic reminders on, whose account is not disabled and not yet ready: not activated
/// (the first reminder, then the last one from <see cref="ReminderOptions.SecondAfterDays"/>) or
/// activated without an authenticator (one reminder). One query; whoever sends re-checks each.
/// </summary>
public sealed class DueReminders(AppDbContext db, AccountAdministration accounts, IOptions<ReminderOptions> options)
{
    public async Task<IReadOnlyList<DueReminder>> AtAsync(DateTime asOf, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var firstFrom = asOf.AddDays(-settings.FirstAfterDays);
        var secondFrom = asOf.AddDays(-settings.SecondAfterDays);
        var stoppedBefore = asOf.AddDays(-settings.StopAfterDays);
        var reminders = db.MigrationReminders;
        var candidates = await (from result in db.MigrationResults
                                where result.Status == MigrationOutcomeStatus.Migrated || result.Status == MigrationOutcomeStatus.Linked
                                join batch in db.MigrationBatches on result.BatchId equals batch.Id
                                where batch.Status == MigrationBatchStatus.Completed && batch.CompletedAt <= firstFrom && batch.CompletedAt > stoppedBefore
                                join user in db.EndUsers on result.EndUserId equals user.Id
                                where user.MigratedToSso && user.Enabled && !user.Deleted && user.Client!.AutomaticReminders
                                join account in accounts.Standings on user.SsoAccountId equals account.AccountId
                                where !account.Disabled
                                // Leaves out who has every reminder of their state already, so the list
                                // stays the users still to remind rather than everyone still stuck.
                                where (account.State == AccountState.ActivationPending
                                        && !reminders.Any(r => r.EndUserId == user.Id && r.BatchId == batch.Id && r.Kind == MigrationReminderKind.NotActivatedSecond))
                                    || (account.State == AccountState.MfaNotEnrolled
                                        && !reminders.Any(r => r.EndUserId == user.Id && r.BatchId == batch.Id && r.Kind == MigrationReminderKind.NotEnrolled))
                                select new
                                {
                                    BatchId = batch.Id,
                                    EndUserId = user.Id,
                                    CompletedAt = batch.CompletedAt!.Value,
                                    account.State,
                                    FirstSent = reminders.Any(r => r.EndUserId == user.Id && r.BatchId == batch.Id && r.Kind == MigrationReminderKind.NotActivatedFirst),
                                })
            .ToListAsync(cancellationToken);

        var due = new List<DueReminder>();
        foreach (var candidate in candidates)
        {
            MigrationReminderKind? kind = candidate.State == AccountState.MfaNotEnrolled ? MigrationReminderKind.NotEnrolled
                // A pass that comes late (a replica down for days) sends the reminder of today, not both.
                : candidate.CompletedAt <= secondFrom ? MigrationReminderKind.NotActivatedSecond
                : candidate.FirstSent ? null
                : MigrationReminderKind.NotActivatedFirst;
            if (kind is { } remind)
            {
                due.Add(new DueReminder(candidate.BatchId, candidate.EndUserId, remind));
            }
        }

        return due;
    }

    /// <summary>The step a reminder of this kind asks for.</summary>
    public static ReminderStep StepOf(MigrationReminderKind kind) =>
        kind == MigrationReminderKind.NotEnrolled ? ReminderStep.Enrol : ReminderStep.Activate;
}
