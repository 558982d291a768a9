using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Api.Data;

// Used by `dotnet ef` only: migrations and scripts need no running database.
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>()
            .UseSqlite("Data Source=design-time.db", sqlite => sqlite.MigrationsAssembly(typeof(AppDbContext).Assembly.FullName))
            .UseApplicationServiceProvider(IdentitySchema.Services)
            .Options);
}

public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerAppDbContext>
{
    public SqlServerAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerAppDbContext>()
            .UseSqlServer("Server=localhost;Database=EndUserPortal;Integrated Security=true;TrustServerCertificate=true")
            .UseApplicationServiceProvider(IdentitySchema.Services)
            .Options);
}

/// <summary>
/// Identity picks its tables from its options (<c>Stores.SchemaVersion</c>, set in AddSso: version 3
/// adds the passkeys); at design time there are no application services, so the factories hand the
/// context the same setting.
/// </summary>
internal static class IdentitySchema
{
    public static readonly IServiceProvider Services = new ServiceCollection()
        .Configure<IdentityOptions>(options => options.Stores.SchemaVersion = IdentitySchemaVersions.Version3)
        .BuildServiceProvider();
}
