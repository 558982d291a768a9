using Api.Shared;
using Api.SsoMigration.Planning;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Admin.Batches;

/// <summary>The sentences running, retrying and rolling back answer with.</summary>
public static class ExecutionProblems
{
    public static ProblemHttpResult BatchNotFound() =>
        Problems.Status(StatusCodes.Status404NotFound, "Batch not found", "This migration batch does not exist.");

    public static ProblemHttpResult ResultNotFound() =>
        Problems.Status(StatusCodes.Status404NotFound, "User not in batch", "This end user is not in this migration batch.");

    public static ProblemHttpResult NotRunnable() =>
        Problems.Status(StatusCodes.Status409Conflict, "Batch cannot run", "This batch was cancelled, has completed or was rolled back, so it cannot run.");

    /// <summary>
    /// Run now (or an earlier date) on a batch whose partners were told a later date: the operator
    /// must confirm breaking the notice. The type ends in <see cref="ShortNoticeKind"/>, so the SPA
    /// asks for the confirmation rather than only showing the sentence.
    /// </summary>
    public static ProblemHttpResult ShortNotice(DateTime toldAt, string timeZone, string? newDate = null) =>
        TypedResults.Problem(
            detail: $"Partners were told this batch runs on {BatchSchedule.Describe(toldAt, timeZone)}. {(newDate is null ? "Running it now" : $"Moving it to {newDate}")} "
                + "breaks the two weeks' notice they were promised: confirm that you want to do it, and they are e-mailed at once.",
            title: "Partners were told a later date",
            statusCode: StatusCodes.Status409Conflict,
            type: Problems.TypePrefix + ShortNoticeKind);

    public const string ShortNoticeKind = "short-notice";

    public static ProblemHttpResult NotRunning() =>
        Problems.Status(StatusCodes.Status409Conflict, "Batch not running", "Only a running batch can be paused.");

    public static ProblemHttpResult NotFailed() =>
        Problems.Status(StatusCodes.Status409Conflict, "Nothing to retry", "Only a user whose migration failed can be retried.");

    public static ProblemHttpResult BatchClosed() =>
        Problems.Status(StatusCodes.Status409Conflict, "Batch closed", "This batch was rolled back or cancelled; add the user to a new batch instead.");

    public static ProblemHttpResult NotMigrated() =>
        Problems.Status(StatusCodes.Status409Conflict, "Nothing to roll back", "Only a user this batch migrated or linked can be rolled back.");

    public static ProblemHttpResult NotCompleted() =>
        Problems.Status(StatusCodes.Status409Conflict, "Batch not completed", "Only a completed batch can be rolled back; wait until it has run.");

    public static ProblemHttpResult UsersSignedIn(int count) =>
        Problems.Status(
            StatusCodes.Status409Conflict,
            "Users already on Single Sign-On",
            count == 1
                ? "1 user of this batch has already signed in with Single Sign-On, so the batch cannot be rolled back. Roll back users one by one instead."
                : $"{count} users of this batch have already signed in with Single Sign-On, so the batch cannot be rolled back. Roll back users one by one instead.");
}
