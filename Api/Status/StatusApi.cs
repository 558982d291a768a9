using Api.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace Api.Status;

// Live facts that prove every layer answers: counts read from SQL, a counter kept in the cache.
public static class StatusApi
{
    public const string VisitsKey = "portal:status:visits";

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
        var partners = await db.Partners.CountAsync(cancellationToken);
        var clients = await db.Clients.CountAsync(cancellationToken);
        var endUsers = await db.EndUsers.CountAsync(u => !u.Deleted, cancellationToken);
        var lastMigration = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).LastOrDefault() ?? "none";
        var engine = db.Database.IsSqlServer() ? "SQL Server" : "SQLite";
        var server = redis.GetServers().FirstOrDefault(s => s.IsConnected);
        var cacheServer = server is null ? "unavailable" : $"Redis protocol {server.Version}";

        return TypedResults.Ok(new SystemStatus(
            engine, lastMigration, partners, clients, endUsers, visits, cacheServer, DateTime.UtcNow));
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
