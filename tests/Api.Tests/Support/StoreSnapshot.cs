using Api.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Api.Tests.Support;

/// <summary>
/// What an Api instance has stored, counted: the rows of every SQL table (accounts, end users,
/// links, the outbox, OpenIddict's tokens, …) and the SSO sessions in the cache. Two snapshots
/// around a request show whether it wrote anything.
/// </summary>
public sealed record StoreSnapshot(IReadOnlyDictionary<string, long> Rows, long Sessions)
{
    public static async Task<StoreSnapshot> TakeAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var connection = new SqliteConnection(db.Database.GetConnectionString());
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__EFMigrationsHistory' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var rows = new Dictionary<string, long>();
        await using (var count = connection.CreateCommand())
        {
            // One statement for all tables, so the counts are of one moment.
            count.CommandText = string.Join(" UNION ALL ", tables.Select((t, i) => $"SELECT {i}, COUNT(*) FROM \"{t}\""));
            await using var reader = await count.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows[tables[reader.GetInt32(0)]] = reader.GetInt64(1);
            }
        }

        // Every primary: on a Redis Cluster each holds a share of the keys (replicas hold copies).
        var redis = scope.ServiceProvider.GetRequiredService<IConnectionMultiplexer>();
        long sessions = 0;
        foreach (var server in redis.GetServers().Where(server => !server.IsReplica))
        {
            await foreach (var _ in server.KeysAsync(pattern: Api.Sso.Sessions.SessionKeys.SessionPattern))
            {
                sessions++;
            }
        }

        return new StoreSnapshot(rows, sessions);
    }

    /// <summary>"Table: 3 → 4" for every count that differs; empty when nothing was written.</summary>
    public IReadOnlyList<string> Differences(StoreSnapshot after) =>
    [
        .. after.Rows.Where(row => Rows.GetValueOrDefault(row.Key) != row.Value)
            .Select(row => $"{row.Key}: {Rows.GetValueOrDefault(row.Key)} → {row.Value}"),
        .. Sessions == after.Sessions ? Array.Empty<string>() : [$"SSO sessions in the cache: {Sessions} → {after.Sessions}"],
    ];
}
