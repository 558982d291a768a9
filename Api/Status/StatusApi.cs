namespace Api.Status;

/// <summary>
/// Whether the service is up, for anyone (load balancers, the sign-in page, monitoring). It says
/// nothing else: engine names, versions and counts help an attacker and are for operators only
/// (<see cref="Admin.Status.OperatorStatusApi"/>).
/// </summary>
public static class StatusApi
{
    public static IEndpointRouteBuilder MapStatusApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/status", GetStatus.HandleAsync)
            .WithName("GetStatus")
            .WithSummary("Whether the service is up: 200 \"up\" when the database and the cache answer, 503 otherwise.")
            .WithTags("Status")
            .AllowAnonymous();
        return app;
    }
}
