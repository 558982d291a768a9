using System.Data.Common;
using Api.Data;
using Api.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Benchmarks.Seeding;

/// <summary>
/// Rows written with raw SQL: one prepared INSERT per table, executed once per row inside one
/// transaction. Hundreds of thousands of rows take seconds this way; EF's change tracker would
/// take minutes and gigabytes. The table, its columns and each value's conversion come from the
/// Api's own EF model, so the rows are exactly what the Api would have written.
/// </summary>
public static class BulkInsert
{
    /// <param name="columnValue">
    /// A value for a column the entity object cannot give (a shadow property, or a column another
    /// change adds later, e.g. a denormalised key): answer <c>(true, value)</c> to set it.
    /// </param>
    public static async Task<int> RowsAsync<T>(AppDbContext db, IEnumerable<T> rows, Func<T, IProperty, (bool Set, object? Value)>? columnValue = null, CancellationToken cancellationToken = default)
        where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the Api's model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = entity.GetProperties().Where(p => p.GetColumnName(table) is not null).ToArray();

        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        var indexes = new List<string>();
        if (db.Database.IsSqlite())
        {
            // Bench data, thrown away after the run: no fsync; and a cache big enough that the
            // indexes (e-mails, names: random order) are built in memory, not read back from disk.
            await using var pragmas = connection.CreateCommand();
            pragmas.CommandText = "PRAGMA synchronous = OFF; PRAGMA cache_size = -262144;";
            await pragmas.ExecuteNonQueryAsync(cancellationToken);

            // Indexes are dropped and built again after the rows: one sorted build per index is
            // several times faster than updating each of them at every row.
            pragmas.CommandText = $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name = '{table.Name}'";
            var found = new List<(string Name, string Sql)>();
            await using (var reader = await pragmas.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    found.Add((reader.GetString(0), reader.GetString(1)));
                }
            }

            foreach (var (index, create) in found)
            {
                pragmas.CommandText = $"DROP INDEX \"{index}\"";
                await pragmas.ExecuteNonQueryAsync(cancellationToken);
                indexes.Add(create);
            }
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = db.GetService<ISqlGenerationHelper>();
        command.CommandText =
            $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) " +
            $"VALUES ({string.Join(", ", properties.Select((_, i) => "@p" + i))})";
        var parameters = properties.Select((p, i) =>
        {
            var mapping = (RelationalTypeMapping)p.GetRelationalTypeMapping();
            var parameter = mapping.CreateParameter(command, "@p" + i, null, nullable: true);
            command.Parameters.Add(parameter);
            return (Property: p, Mapping: mapping, Parameter: parameter);
        }).ToArray();
        await command.PrepareAsync(cancellationToken);

        var count = 0;
        foreach (var row in rows)
        {
            foreach (var (property, mapping, parameter) in parameters)
            {
                var (set, value) = columnValue?.Invoke(row, property) ?? (false, null);
                if (!set)
                {
                    value = property.IsShadowProperty() ? null : property.GetGetter().GetClrValueUsingContainingEntity(row);
                }

                parameter.Value = Provider(value, mapping) ?? DBNull.Value;
            }

            // Synchronous: SQLite has no asynchronous I/O, and half a million awaits add up.
            command.ExecuteNonQuery();
            count++;
        }

        foreach (var create in indexes)
        {
            await using var rebuild = connection.CreateCommand();
            rebuild.Transaction = transaction;
            rebuild.CommandText = create;
            await rebuild.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        await db.Database.CloseConnectionAsync();
        return count;
    }

    /// <summary>The value as the column stores it (EF's converter, e.g. an enum as its name; SQLite stores Guids as upper-case text).</summary>
    private static object? Provider(object? value, RelationalTypeMapping mapping)
    {
        if (value is not null && mapping.Converter is { } converter)
        {
            value = converter.ConvertToProvider(value);
        }

        return value is Guid guid ? guid.ToString().ToUpperInvariant() : value;
    }
}
