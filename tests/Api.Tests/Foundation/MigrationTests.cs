using Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Api.Tests.Foundation;

/// <summary>No SQL Server runs on build machines, so its migrations are proven by generating the script.</summary>
public sealed class MigrationTests
{
    [Fact]
    public void The_sql_server_migration_script_generates_idempotently()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("CREATE TABLE [EndUsers]", script);
        Assert.Contains("IF NOT EXISTS", script);
        var output = Path.Combine(AppContext.BaseDirectory, "sqlserver-migrations.sql");
        File.WriteAllText(output, script);
    }

    [Fact]
    public void Both_migration_sets_match_the_model()
    {
        using var sqlServer = new SqlServerDesignTimeFactory().CreateDbContext([]);
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(sqlServer.Database.HasPendingModelChanges(), "SQL Server migrations are missing a model change: add a migration.");
        Assert.False(sqlite.Database.HasPendingModelChanges(), "SQLite migrations are missing a model change: add a migration.");
    }

    [Fact]
    public void The_sqlite_script_is_not_written_in_t_sql()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        var script = db.GetService<IMigrator>().GenerateScript();
        Assert.DoesNotContain("[EndUsers]", script);
        Assert.Contains("CREATE TABLE \"EndUsers\"", script);
    }
}
