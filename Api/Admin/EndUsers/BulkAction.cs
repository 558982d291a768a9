using Api.Admin.Staff;
using Api.Shared;
using Api.SsoMigration.Reminders;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Api.Admin.EndUsers;

/// <summary>
/// Disables, resends activation to, or reminds many end users: each one as its own action (own
/// transaction, own audit entry), so one failure stops nothing. Ids the caller may not see are
/// reported "not found", exactly like ids that do not exist.
/// </summary>
public static class BulkAction
{
    public const string Disable = "disable";
    public const string ResendActivationAction = "resend-activation";
    public const string SendReminderAction = "send-reminder";
    public const int MaxIds = 500;

    public static async Task<Results<Ok<BulkResult>, ProblemHttpResult, ValidationProblem>> HandleAsync(
        BulkRequest body, StaffMember staff, [AsParameters] EndUserServices s, ManualReminders reminders, CancellationToken cancellationToken)
    {
        if (body.Action is not (Disable or ResendActivationAction or SendReminderAction))
        {
            return Problems.Invalid("action", $"Choose the action: {Disable}, {ResendActivationAction} or {SendReminderAction}.");
        }

        if (body.Ids is not { Length: > 0 and <= MaxIds })
        {
            return Problems.Invalid("ids", $"Choose between 1 and {MaxIds} end users.");
        }

        if (body.Action == Disable && !staff.CanManage)
        {
            return ManagerRequirement.Problem();
        }

        var succeeded = 0;
        var failed = new List<BulkFailure>();
        foreach (var id in body.Ids.Distinct())
        {
            // Each action starts from a clean unit of work: nothing of the previous one is saved again.
            s.Db.ChangeTracker.Clear();
            var reason = body.Action switch
            {
                Disable => await DisableEndUser.ApplyAsync(id, staff, s, cancellationToken) ? null : EndUserProblems.NotFoundReason,
                SendReminderAction => ReasonOf((await SendReminder.ApplyAsync(id, staff, s, reminders, cancellationToken)).Outcome, s),
                _ => ReasonOf(await ResendActivation.ApplyAsync(id, staff, s, cancellationToken), s),
            };
            if (reason is null)
            {
                succeeded++;
            }
            else
            {
                failed.Add(new BulkFailure(id, reason));
            }
        }

        // Those the e-mail limit allowed were sent, the rest are reported; only when the limit
        // refused every one is the whole action refused, with the sentence and Retry-After.
        if (succeeded == 0 && s.MailBudget.LastRefusal is { } limit && failed.All(f => f.Reason == limit.Reason))
        {
            return limit.Problem;
        }

        return TypedResults.Ok(new BulkResult(succeeded, failed));
    }

    private static string? ReasonOf(ReminderOutcome outcome, EndUserServices s) => outcome switch
    {
        ReminderOutcome.Sent => null,
        ReminderOutcome.MailLimitReached => s.MailBudget.LastRefusal!.Reason,
        _ => ReminderProblems.Reason(outcome),
    };

    private static string? ReasonOf(ResendOutcome outcome, EndUserServices s) => outcome switch
    {
        ResendOutcome.MailLimitReached => s.MailBudget.LastRefusal!.Reason,
        ResendOutcome.Sent or ResendOutcome.AskedAgain => null,
        ResendOutcome.ManagedElsewhere => "managed by its owner",
        ResendOutcome.AlreadyActivated => "already activated",
        ResendOutcome.HasPassword => "has a password",
        ResendOutcome.TooMany => "too many e-mails this hour",
        _ => EndUserProblems.NotFoundReason,
    };
}

public sealed record BulkRequest(string? Action, Guid[]? Ids);

public sealed record BulkFailure(Guid Id, string Reason);

public sealed record BulkResult(int Succeeded, IReadOnlyList<BulkFailure> Failed);
