using Api.Shared;
using Api.Shared.Paging;
using Api.Sso.Login;
using Microsoft.AspNetCore.Mvc;

namespace Api.Admin.Batches;

/// <summary>
/// Operators: create, edit, reschedule, cancel batches; readiness (dry run) and exclusions;
/// results. Every change is one transaction with its audit entry and the notices it causes.
/// </summary>
public static class BatchPlanningApi
{
    public static RouteGroupBuilder MapBatchPlanning(this RouteGroupBuilder batches)
    {
        batches.MapGet("/", ListBatches.HandleAsync)
            .WithName("ListMigrationBatches")
            .WithSummary("Every batch, the latest date first, with its clients and how many users are in each state.");
        batches.MapPost("/", CreateBatch.HandleAsync)
            .LimitBody()
            .WithName("CreateMigrationBatch")
            .WithSummary("Plans a batch of clients for a date in a time zone; partners are told at once if the date is within the notice lead.");
        batches.MapGet("/{id:guid}", GetBatch.HandleAsync)
            .WithName("GetMigrationBatch")
            .WithSummary("One batch with its progress (done, rate, time left) and the notices sent.");
        batches.MapPut("/{id:guid}", EditBatch.HandleAsync)
            .LimitBody()
            .WithName("EditMigrationBatch")
            .WithSummary("Renames a scheduled batch or changes its clients.");
        batches.MapPost("/{id:guid}/reschedule", RescheduleBatch.HandleAsync)
            .LimitBody()
            .WithName("RescheduleMigrationBatch")
            .WithSummary("Moves a scheduled batch to another date; its partners get a notice of the new date.");
        batches.MapPost("/{id:guid}/cancel", CancelBatch.HandleAsync)
            .WithName("CancelMigrationBatch")
            .WithSummary("Calls off a scheduled batch; its partners are told.");
        batches.MapGet("/{id:guid}/readiness", GetReadiness.HandleAsync)
            .WithName("GetMigrationBatchReadiness")
            .WithSummary("Dry run: what the run would do with each user (migrate, link, skip) and the problems to fix first. Writes nothing.");
        batches.MapPut("/{id:guid}/exclusions/{endUserId:guid}", SetExclusion.HandleAsync)
            .LimitBody()
            .WithName("SetMigrationExclusion")
            .WithSummary("Leaves an end user out of a scheduled batch, or takes them back in.");
        batches.MapGet("/{id:guid}/results", ListResults.HandleAsync)
            .WithName("ListMigrationResults")
            .DescribePaging(PageSizeLimits.Standard)
            .WithSummary("A batch's per-user results, one page at a time, optionally of one status.");
        return batches;
    }

    private static RouteHandlerBuilder LimitBody(this RouteHandlerBuilder endpoint) =>
        endpoint.WithMetadata(new RequestSizeLimitAttribute(InputRules.MaxBodyBytes));
}
