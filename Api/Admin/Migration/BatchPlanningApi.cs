namespace Api.Admin.Migration;

/// <summary>Operators: create, edit, reschedule, cancel batches; readiness (dry run) and exclusions; results.</summary>
public static class BatchPlanningApi
{
    public static RouteGroupBuilder MapBatchPlanning(this RouteGroupBuilder batches) => batches;
}
