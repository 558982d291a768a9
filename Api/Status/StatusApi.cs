using Api.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace Api.Status;

// Live facts that prove every layer answers: counts read from SQL, a counter kept in the cache.
public static class StatusApi
{
    public const string VisitsKey = "portal:status:visits";

    private static string? schemaVersion;

    public static IEndpointRouteBuilder MapStatusApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/status", GetStatus)
            .WithName("GetStatus")
            .WithSummary("Live facts read from the database and the cache.")
            .WithTags("Status")
            .AllowAnonymous();
        return app;
    }

    public static async Task<Ok<SystemStatus>> GetStatus(AppDbContext db, IConnectionMultiplexer redis, CancellationToken cancellationToken)
    {
        var visits = await redis.GetDatabase().StringIncrementAsync(VisitsKey);
        // One round trip for the three counts.
        var counts = await db.Partners
            .Select(_ => new
            {
                Partners = db.Partners.Count(),
                Clients = db.Clients.Count(),
                EndUsers = db.EndUsers.Count(u => !u.Deleted),
            })
            .FirstOrDefaultAsync(cancellationToken);
        // The schema changes only with a deployment, which restarts the process.
        schemaVersion ??= (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).LastOrDefault() ?? "none";
        var engine = db.Database.IsSqlServer() ? "SQL Server" : "SQLite";
        var server = redis.GetServers().FirstOrDefault(s => s.IsConnected);
        var cacheServer = server is null ? "unavailable" : $"Redis protocol {server.Version}";

        return TypedResults.Ok(new SystemStatus(
            engine, schemaVersion, counts?.Partners ?? 0, counts?.Clients ?? 0, counts?.EndUsers ?? 0, visits, cacheServer, DateTime.UtcNow));
    }
}

public sealed record SystemStatus(
    string Database,
    string SchemaVersion,
    int Partners,
    int Clients,
    int EndUsers,
    long Visits,
    string CacheServer,
    DateTime CheckedAt);
