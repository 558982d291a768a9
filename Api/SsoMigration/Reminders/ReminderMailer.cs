using Api.Data;
using Api.Mail;
using Api.Sso.Accounts;
using Api.SsoMigration.Notices;
using Microsoft.EntityFrameworkCore;

namespace Api.SsoMigration.Reminders;

/// <summary>
/// Writes one reminder: its row first (the claim), then its e-mail with a fresh activation link
/// when the step left is activating (the links mailed before stop working). All in the caller's
/// transaction, which commits only when this answers true.
/// </summary>
public sealed class ReminderMailer(AppDbContext db, Outbox outbox, ReminderEmails emails, AccountAdministration accounts, TimeProvider clock)
{
    /// <param name="occasion">What the reminder is once for (<see cref="MigrationReminder.ForBatch"/>, <see cref="MigrationReminder.ForDay"/>).</param>
    /// <returns>False when this reminder was sent already (here or by another writer at the same moment), or the user activated meanwhile: the caller rolls back.</returns>
    public async Task<bool> SendAsync(
        ReminderTarget target, MigrationReminderKind kind, string occasion, Guid? batchId, string? sentBy, CancellationToken cancellationToken)
    {
        var user = target.User;
        if (await db.MigrationReminders.AnyAsync(r => r.EndUserId == user.Id && r.Kind == kind && r.Occasion == occasion, cancellationToken))
        {
            return false;
        }

        var reminder = new MigrationReminder
        {
            EndUserId = user.Id,
            Kind = kind,
            Occasion = occasion,
            BatchId = batchId,
            Step = target.Step,
            SentAt = clock.GetUtcNow().UtcDateTime,
            SentBy = sentBy,
        };
        db.MigrationReminders.Add(reminder);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (UniqueViolation.Is(exception))
        {
            // Another writer sent it first; nothing of ours is left to save.
            db.Entry(reminder).State = EntityState.Detached;
            return false;
        }

        EmailContent content;
        if (target.Step == ReminderStep.Activate)
        {
            if (await accounts.RenewActivationLinkAsync(target.AccountId, cancellationToken) is not { } link)
            {
                return false;
            }

            content = emails.Activate(user.DisplayName, link, kind, user.MigratedAt);
        }
        else
        {
            content = emails.Enrol(user.DisplayName, kind, user.MigratedAt);
        }

        outbox.Enqueue(ReminderEmails.Kind, target.Email, content, new MailAbout(target.AccountId, user.Id, user.PartnerId));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
