using Api.Admin.Staff;
using Api.Audit;
using Api.SsoMigration.Reminders;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Api.Admin.EndUsers;

public enum ReminderOutcome
{
    Sent,
    NotFound,
    NotOnSso,
    Disabled,
    NothingToDo,
    ManagedElsewhere,

    /// <summary>A reminder already went to this user today (another click may have sent it a moment ago).</summary>
    AlreadyToday,

    /// <summary>The partner's or the address's e-mail budget is spent (<see cref="MailLimits.AdminMailBudget"/>).</summary>
    MailLimitReached,
}

/// <summary>
/// Send reminder: a migrated user who has not activated, or not set up an authenticator, gets the
/// reminder of that step (steps, fresh activation link) now, once a day at most, within the
/// partner's e-mail limits; audited. Only for an account the user's partner manages.
/// </summary>
public static class SendReminder
{
    public static async Task<Results<Accepted, ProblemHttpResult>> HandleAsync(
        Guid id, StaffMember staff, [AsParameters] EndUserServices s, ManualReminders reminders, CancellationToken cancellationToken)
    {
        var (outcome, name) = await ApplyAsync(id, staff, s, reminders, cancellationToken);
        return outcome switch
        {
            ReminderOutcome.Sent => TypedResults.Accepted((string?)null),
            ReminderOutcome.NotOnSso => ReminderProblems.NotOnSso(name),
            ReminderOutcome.Disabled => ReminderProblems.Disabled(name),
            ReminderOutcome.NothingToDo => ReminderProblems.NothingToDo(name),
            ReminderOutcome.ManagedElsewhere => ReminderProblems.ManagedElsewhere(),
            ReminderOutcome.AlreadyToday => ReminderProblems.AlreadyToday(name, reminders.UntilTomorrow),
            ReminderOutcome.MailLimitReached => s.MailBudget.LastRefusal!.Problem,
            _ => EndUserProblems.NotFound(),
        };
    }

    /// <returns>What happened, and the user's name for the sentence.</returns>
    public static async Task<(ReminderOutcome Outcome, string Name)> ApplyAsync(
        Guid id, StaffMember staff, EndUserServices s, ManualReminders reminders, CancellationToken cancellationToken)
    {
        var outcome = ReminderOutcome.NotFound;
        var name = "";
        await s.ActAsync(staff, id, async user =>
        {
            name = user.DisplayName;
            // Whether a reminder may go is decided first, so a refused request spends no e-mail units.
            var (target, refusal, alreadyToday) = await reminders.CheckAsync(user, cancellationToken);
            if (target is null)
            {
                outcome = alreadyToday ? ReminderOutcome.AlreadyToday : Outcome(refusal);
                return null;
            }

            if (await s.MailBudget.TryTakeAsync(user.Client!.PartnerId, target.Email) is not null)
            {
                outcome = ReminderOutcome.MailLimitReached;
                return null;
            }

            if (!await reminders.SendAsync(target, staff.Name, cancellationToken))
            {
                // Another click sent today's reminder first: these units go back.
                await s.MailBudget.GiveBackAsync(user.Client!.PartnerId, target.Email);
                outcome = ReminderOutcome.AlreadyToday;
                return null;
            }

            outcome = ReminderOutcome.Sent;
            return new AuditedChange(AuditActions.ReminderSent,
                After: new { Reminder = ReminderWireNames.Of(MigrationReminderKind.Manual), Step = ReminderWireNames.Of(target.Step) });
        }, cancellationToken);
        return (outcome, name);
    }

    private static ReminderOutcome Outcome(ReminderRefusal? refusal) => refusal switch
    {
        ReminderRefusal.Disabled => ReminderOutcome.Disabled,
        ReminderRefusal.NothingToDo => ReminderOutcome.NothingToDo,
        ReminderRefusal.ManagedElsewhere => ReminderOutcome.ManagedElsewhere,
        _ => ReminderOutcome.NotOnSso,
    };
}
