using Api.Shared.Transactions;
using Api.Sso;
using Microsoft.EntityFrameworkCore;

namespace Api.Data;

public static class DatabaseExtensions
{
    public const string ConnectionName = "db";

    private static readonly AfterCommit.Interceptor AfterCommitWork = new();
    private static readonly SqliteServerSettings SqliteSettings = new();

    /// <summary>
    /// Registers <see cref="AppDbContext"/> on SQLite (the embedded default) or SQL Server,
    /// chosen by <c>Database:Provider</c>. Same code, same model; only configuration differs.
    /// Contexts are pooled: a new context per request built its own EF service scope (DI lookups,
    /// options clone, warnings table), ~29% of an authenticated portal read's allocations in issue 11's
    /// profile. A returned context is reset by EF (tracked entities, transaction, connection);
    /// <see cref="AfterCommit"/> drops work a transaction left behind when the next one starts.
    /// The options are built once: they depend on configuration only.
    /// </summary>
    public static IHostApplicationBuilder AddAppDatabase(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException(
                $"No connection string '{ConnectionName}'. Run the stack with `dotnet run --project AppHost`, or set ConnectionStrings__{ConnectionName}.");
        var provider = DatabaseProviderName(builder.Configuration);

        if (provider == DatabaseProvider.SqlServer)
        {
            // No retrying execution strategy: sign-in steps and admin actions run in explicit
            // transactions (all or nothing, with their audit entry), which such a strategy refuses
            // to start. A transient failure answers 503 and the client tries again.
            builder.Services.AddDbContextPool<AppDbContext, SqlServerAppDbContext>(options =>
                options.UseSqlServer(connectionString).AddInterceptors(AfterCommitWork));
        }
        else
        {
            builder.Services.AddDbContextPool<AppDbContext, SqliteAppDbContext>(options =>
                options.UseSqlite(connectionString).AddInterceptors(AfterCommitWork, SqliteSettings));
        }

        // One context per request, seen by each module as the part it knows: the SSO as its own
        // base class, Mail, Audit and one-time links as a plain DbContext (their own tables only).
        builder.Services.AddScoped<SsoDbContext>(services => services.GetRequiredService<AppDbContext>());
        builder.Services.AddScoped<DbContext>(services => services.GetRequiredService<AppDbContext>());
        builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>("db", tags: ["ready"]);
        return builder;
    }

    public static DatabaseProvider DatabaseProviderName(IConfiguration configuration) =>
        string.Equals(configuration["Database:Provider"], nameof(DatabaseProvider.SqlServer), StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.SqlServer
            : DatabaseProvider.Sqlite;

    /// <summary>Applies pending migrations. Runs before the first request so nothing sees a half-built schema.</summary>
    public static async Task ApplySchemaAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (db.Database.IsSqlite())
        {
            var folder = Path.GetDirectoryName(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        await db.Database.MigrateAsync(cancellationToken);
    }
}

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}
