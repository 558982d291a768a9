using Api.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Api.Admin.Batches;

/// <summary>Operators: run now, retry a failed user, roll back a user or a whole batch. Progress is on the batch's detail.</summary>
public static class BatchExecutionApi
{
    public static RouteGroupBuilder MapBatchExecution(this RouteGroupBuilder batches)
    {
        batches.MapPost("/{id:guid}/run", RunBatchNow.HandleAsync)
            .WithMetadata(new RequestSizeLimitAttribute(InputRules.MaxBodyBytes))
            .WithName("RunMigrationBatchNow")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Runs a scheduled batch now, or a paused one on (202); a running batch is left as it is; a cancelled, completed or rolled-back one answers 409, "
                + "and so does a batch whose partners were told a later date until confirmShortNotice is true (they are then e-mailed at once).");
        batches.MapPost("/{id:guid}/pause", PauseBatch.HandleAsync)
            .WithName("PauseMigrationBatch")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Stops a running batch after the user in hand; its partners are told. Reschedule or Run now goes on where it stopped.");
        batches.MapPost("/{id:guid}/results/{endUserId:guid}/retry", RetryBatchUser.HandleAsync)
            .WithName("RetryBatchUser")
            .WithSummary("Migrates a failed user of the batch again (202), alone; the other results stay.");
        batches.MapPost("/{id:guid}/results/{endUserId:guid}/rollback", RollBackBatchUser.HandleAsync)
            .WithName("RollBackBatchUser")
            .WithSummary("Takes a migrated or linked user back to the portal's login form, with the password they use today.");
        batches.MapPost("/{id:guid}/rollback", RollBackBatch.HandleAsync)
            .WithName("RollBackBatch")
            .WithSummary("Takes every migrated user of a completed batch back to the portal's login form, unless some have signed in with SSO since (409).");
        return batches;
    }
}
