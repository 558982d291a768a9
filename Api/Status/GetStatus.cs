using Api.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace Api.Status;

/// <summary>The public status: "up" when both engines answer, and nothing else (<see cref="StatusApi"/>).</summary>
public static class GetStatus
{
    /// <summary>The cache counter every status request increments; the operators' status shows it (<see cref="SystemFacts"/>).</summary>
    public const string VisitsKey = "portal:status:visits";

    public const string Up = "up";

    public static async Task<Ok<ServiceStatus>> HandleAsync(AppDbContext db, IConnectionMultiplexer redis, CancellationToken cancellationToken)
    {
        // Real work on both engines: a table read in SQL (a reachable but empty database is not
        // "up") and a write to the cache. A failure of either becomes a 503 in DependencyDownHandler.
        await redis.GetDatabase().StringIncrementAsync(VisitsKey);
        await db.Partners.AnyAsync(cancellationToken);
        return TypedResults.Ok(new ServiceStatus(Up));
    }
}

public sealed record ServiceStatus(string Status);
