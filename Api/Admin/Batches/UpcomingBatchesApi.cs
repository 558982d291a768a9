namespace Api.Admin.Batches;

/// <summary>Partner staff: the batches coming for their clients (the admin area's banner).</summary>
public static class UpcomingBatchesApi
{
    public static RouteGroupBuilder MapUpcomingBatches(this RouteGroupBuilder migration)
    {
        migration.MapGet("/upcoming", UpcomingBatches.HandleAsync)
            .WithName("GetUpcomingMigrationBatches")
            .WithSummary("Scheduled and running batches with the caller's clients (operators: all), soonest first, for the admin area's banner.");
        return migration;
    }
}
