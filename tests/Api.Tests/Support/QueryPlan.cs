using System.Data.Common;
using Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Api.Tests.Support;

/// <summary>SQLite's own plan for a query, for tests that prove an index serves it.</summary>
public static class QueryPlan
{
    /// <summary>The plan's steps, one a line, as EXPLAIN QUERY PLAN gives them.</summary>
    public static async Task<List<string>> OfAsync<T>(AppDbContext db, IQueryable<T> query)
    {
        await using var command = query.CreateDbCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        await db.Database.OpenConnectionAsync();
        try
        {
            var steps = new List<string>();
            await using DbDataReader reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                steps.Add(reader.GetString(3));
            }

            return steps;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
