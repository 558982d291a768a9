using Api.Data;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace Api.Status;

/// <summary>
/// Live facts that prove every layer answers (engines, schema, counts, visits), for the operators'
/// status in the admin area (<see cref="Admin.Status.OperatorStatusApi"/>). Read here, beside the
/// public status, because they come from the cache itself, which the admin area never touches
/// (Architecture/ModuleBoundaryTests). Bound with <c>[AsParameters]</c>.
/// </summary>
public sealed record SystemFacts(AppDbContext Db, IConnectionMultiplexer Redis)
{
    private static string? schemaVersion;

    public async Task<SystemStatus> ReadAsync(CancellationToken cancellationToken)
    {
        var visits = (long?)await Redis.GetDatabase().StringGetAsync(GetStatus.VisitsKey) ?? 0;
        // One round trip for the three counts.
        var counts = await Db.Partners
            .Select(_ => new
            {
                Partners = Db.Partners.Count(),
                Clients = Db.Clients.Count(),
                EndUsers = Db.EndUsers.Count(u => !u.Deleted),
            })
            .FirstOrDefaultAsync(cancellationToken);
        // The schema changes only with a deployment, which restarts the process.
        schemaVersion ??= (await Db.Database.GetAppliedMigrationsAsync(cancellationToken)).LastOrDefault() ?? "none";
        var engine = Db.Database.IsSqlServer() ? "SQL Server" : "SQLite";
        // On a Redis Cluster every node is a server of the connection: any connected one tells the
        // version, and the operators see how many primaries share the keys.
        var servers = Redis.GetServers();
        var server = servers.FirstOrDefault(s => s.IsConnected);
        var cacheServer = server switch
        {
            null => "unavailable",
            { ServerType: ServerType.Cluster } => $"Redis Cluster {server.Version}, {servers.Count(s => s.IsConnected && !s.IsReplica)} primaries",
            _ => $"Redis protocol {server.Version}",
        };

        return new SystemStatus(
            engine, schemaVersion, counts?.Partners ?? 0, counts?.Clients ?? 0, counts?.EndUsers ?? 0, visits, cacheServer, DateTime.UtcNow);
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
