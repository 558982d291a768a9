using Api.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace Api.Status;

/// <summary>Live facts that prove every layer answers (engines, schema, counts, visits): platform operators only.</summary>
public static class OperatorStatusApi
{
    private static string? schemaVersion;

    public static IEndpointRouteBuilder MapOperatorStatusApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/admin/status", GetSystemStatus)
            .WithName("GetSystemStatus")
            .WithSummary("Live facts read from the database and the cache. Platform operators with an MFA-backed session only.")
            .WithTags("Status")
            .RequireAuthorization(AuthorizationPolicies.PlatformOperator)
            .NoStore();
        return app;
    }

    public static async Task<Ok<SystemStatus>> GetSystemStatus(AppDbContext db, IConnectionMultiplexer redis, CancellationToken cancellationToken)
    {
        var visits = (long?)await redis.GetDatabase().StringGetAsync(StatusApi.VisitsKey) ?? 0;
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
