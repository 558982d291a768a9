namespace Api.Admin.Migration;

/// <summary>Partner staff: the batches coming for their clients (the admin area's banner).</summary>
public static class UpcomingBatchesApi
{
    public static RouteGroupBuilder MapUpcomingBatches(this RouteGroupBuilder migration) => migration;
}
