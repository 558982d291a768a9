using Api.Shared;
using Api.Shared.Limits;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Admin.EndUsers;

/// <summary>The sentences Send reminder answers with, and their few words in a bulk report.</summary>
public static class ReminderProblems
{
    public static ProblemHttpResult NotOnSso(string name) =>
        Problems.Status(StatusCodes.Status409Conflict, "Not on Single Sign-On",
            $"{name} is not on Single Sign-On, so there is nothing to remind them of. A user of the portal's login form gets the set-password e-mail with Resend activation.");

    public static ProblemHttpResult Disabled(string name) =>
        Problems.Status(StatusCodes.Status409Conflict, "Disabled", $"{name} is disabled and gets no reminders. Enable them first if they should sign in.");

    public static ProblemHttpResult NothingToDo(string name) =>
        Problems.Status(StatusCodes.Status409Conflict, "Nothing to remind",
            $"{name} has activated their account and set up an authenticator: there is nothing to remind them of.");

    public static ProblemHttpResult ManagedElsewhere() =>
        Problems.Forbidden("account-managed-elsewhere", "Managed by its owner",
            "This person's single sign-on account is not managed by your organisation, so no reminder goes to it from here. You can change their role and client, or disable or delete their portal access.");

    public static ProblemHttpResult AlreadyToday(string name, TimeSpan untilTomorrow) =>
        Problems.TooManyRequests("Already reminded today",
            $"A reminder was already sent to {name} today; one a day is the most we send. Try again {WaitWords.In(untilTomorrow)}.", untilTomorrow);

    /// <summary>The same in a few words, for one line of a bulk report.</summary>
    public static string Reason(ReminderOutcome outcome) => outcome switch
    {
        ReminderOutcome.NotOnSso => "not on Single Sign-On",
        ReminderOutcome.Disabled => "disabled",
        ReminderOutcome.NothingToDo => "already activated and enrolled",
        ReminderOutcome.ManagedElsewhere => "managed by its owner",
        ReminderOutcome.AlreadyToday => "already reminded today",
        _ => EndUserProblems.NotFoundReason,
    };
}
