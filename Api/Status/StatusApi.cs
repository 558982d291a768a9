using Api.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace Api.Status;

/// <summary>
/// Whether the service is up, for anyone (load balancers, the sign-in page, monitoring). It says
/// nothing else: engine names, versions and counts help an attacker and are for operators only
/// (<see cref="Admin.Status.OperatorStatusApi"/>).
/// </summary>
public static class StatusApi
{
    public const string VisitsKey = "portal:status:visits";

    public const string Up = "up";

    public static IEndpointRouteBuilder MapStatusApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/status", GetStatus)
            .WithName("GetStatus")
            .WithSummary("Whether the service is up: 200 \"up\" when the database and the cache answer, 503 otherwise.")
            .WithTags("Status")
            .AllowAnonymous();
        return app;
    }

    public static async Task<Ok<ServiceStatus>> GetStatus(AppDbContext db, IConnectionMultiplexer redis, CancellationToken cancellationToken)
    {
        // Real work on both engines: a table read in SQL (a reachable but empty database is not
        // "up") and a write to the cache. A failure of either becomes a 503 in DependencyDownHandler.
        await redis.GetDatabase().StringIncrementAsync(VisitsKey);
        await db.Partners.AnyAsync(cancellationToken);
        return TypedResults.Ok(new ServiceStatus(Up));
    }
}

public sealed record ServiceStatus(string Status);
