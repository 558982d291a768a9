namespace Api.Admin.Migration;

/// <summary>Partner staff: the batches coming for their clients (the admin area's banner).</summary>
public static class UpcomingBatchesApi
{
    public static RouteGroupBuilder MapUpcomingBatches(this RouteGroupBuilder migration)
    {
        migration.MapGet("/upcoming", UpcomingBatches.Handle)
            .WithName("GetUpcomingMigrationBatches")
            .WithSummary("Scheduled and running batches with the caller's clients (operators: all), soonest first, for the admin area's banner.");
        return migration;
    }
}
