using Api.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Admin.Batches;

/// <summary>The sentences the batch actions answer with.</summary>
public static class BatchProblems
{
    public static ProblemHttpResult NotFound() =>
        Problems.Status(StatusCodes.Status404NotFound, "Batch not found", "This migration batch does not exist.");

    public static ProblemHttpResult ClientNotFound() =>
        Problems.Status(StatusCodes.Status404NotFound, "Client not found", "One of the chosen clients does not exist. Reload the client list and choose again.");

    public static ProblemHttpResult EndUserNotInBatch() =>
        Problems.Status(StatusCodes.Status404NotFound, "End user not in this batch", "This end user is not one of the batch's clients' users.");

    public static ProblemHttpResult ClientInAnotherBatch(string clientName, string batchName) =>
        Problems.Status(StatusCodes.Status409Conflict, "Client already planned", $"{clientName} is already in batch '{batchName}'.");

    public static ProblemHttpResult NothingLeft() =>
        Problems.Status(StatusCodes.Status409Conflict, "Nobody left to move", "Every user of this batch has moved, so there is nothing to run again.");

    /// <summary>Only a batch that has not started can be changed, rescheduled, cancelled or have users excluded.</summary>
    public static ProblemHttpResult NotScheduled() =>
        Problems.Status(StatusCodes.Status409Conflict, "Batch no longer scheduled", "This batch has started, finished or been cancelled, so it can no longer be changed.");
}
