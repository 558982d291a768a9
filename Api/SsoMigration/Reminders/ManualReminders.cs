using Api.Data;
using Api.Portal;
using Api.SsoMigration.Batches;
using Microsoft.EntityFrameworkCore;

namespace Api.SsoMigration.Reminders;

/// <summary>
/// Send reminder, by a partner's staff: the same e-mail as the automatic reminder of the user's
/// step (with a fresh activation link when they have not activated), at most once per user a day
/// however many staff click at once (the reminder's unique row). The caller, in its transaction,
/// checks first (<see cref="CheckAsync"/>), takes its mail budget, then sends.
/// </summary>
public sealed class ManualReminders(AppDbContext db, ReminderTargets targets, ReminderMailer mailer, TimeProvider clock)
{
    /// <summary>The user as a reminder sees them, or why none may go; <c>AlreadyToday</c> when one went today.</summary>
    public async Task<(ReminderTarget? Target, ReminderRefusal? Refusal, bool AlreadyToday)> CheckAsync(EndUser user, CancellationToken cancellationToken)
    {
        var (target, refusal) = await targets.OfAsync(user, cancellationToken);
        if (target is null)
        {
            return (null, refusal, false);
        }

        var today = MigrationReminder.ForDay(Now);
        var sent = await db.MigrationReminders.AnyAsync(r => r.EndUserId == user.Id && r.Kind == MigrationReminderKind.Manual && r.Occasion == today, cancellationToken);
        return (sent ? null : target, null, sent);
    }

    /// <summary>Sends it in the caller's transaction; false when another click sent today's first (the caller rolls back).</summary>
    public async Task<bool> SendAsync(ReminderTarget target, string sentBy, CancellationToken cancellationToken)
    {
        var batchId = await db.MigrationResults.AsNoTracking()
            .Where(r => r.EndUserId == target.User.Id && (r.Status == MigrationOutcomeStatus.Migrated || r.Status == MigrationOutcomeStatus.Linked))
            .OrderByDescending(r => r.CompletedAt)
            .Select(r => (Guid?)r.BatchId)
            .FirstOrDefaultAsync(cancellationToken);
        return await mailer.SendAsync(target, MigrationReminderKind.Manual, MigrationReminder.ForDay(Now), batchId, sentBy, cancellationToken);
    }

    /// <summary>How long until the user may be reminded again: the next day (UTC).</summary>
    public TimeSpan UntilTomorrow => Now.Date.AddDays(1) - Now;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
