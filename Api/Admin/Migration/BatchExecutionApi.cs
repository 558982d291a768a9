namespace Api.Admin.Migration;

/// <summary>Operators: run now, progress, retry a failed user, roll back a user or a whole batch.</summary>
public static class BatchExecutionApi
{
    public static RouteGroupBuilder MapBatchExecution(this RouteGroupBuilder batches) => batches;
}
