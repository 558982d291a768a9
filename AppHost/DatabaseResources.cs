using Aspire.Hosting.ApplicationModel;

namespace AppHost;

/// <summary>The database as the Api sees it: a connection string, its provider, and what to wait for.</summary>
internal sealed record PortalDatabase(IResourceBuilder<IResourceWithConnectionString> Connection, string Provider, IResourceBuilder<IResource>? Server);

internal static class DatabaseResources
{
    /// <summary>
    /// Database:Mode = Embedded (default: a SQLite file under .data/), Container (SQL Server in a
    /// container) or External (ConnectionStrings:db, with Database:Provider = Sqlite or SqlServer).
    /// </summary>
    public static PortalDatabase AddPortalDatabase(this IDistributedApplicationBuilder builder, string repositoryRoot)
    {
        var mode = builder.Configuration["Database:Mode"] ?? "Embedded";
        switch (mode.ToLowerInvariant())
        {
            case "embedded":
                var file = Path.Combine(builder.Configuration["Database:DataDirectory"] ?? Path.Combine(repositoryRoot, ".data"), "portal.db");
                return new PortalDatabase(
                    builder.AddConnectionString(ResourceNames.Database, ReferenceExpression.Create($"Data Source={file}")),
                    "Sqlite",
                    Server: null);
            case "external":
                return new PortalDatabase(
                    builder.AddConnectionString(ResourceNames.Database),
                    builder.Configuration["Database:Provider"] ?? "SqlServer",
                    Server: null);
            case "container":
                ContainerRuntime.EnsureAvailable("Database:Mode=Container (a SQL Server container)");
                return builder.AddSqlServerContainer();
            default:
                throw new StartRefusedException($"Database:Mode '{mode}' is not known. Use Embedded, Container or External.");
        }
    }

    // Aspire.Hosting.SqlServer is not available to this build, so the container is declared with
    // the core API; the connection string is the same one that package would produce.
    private static PortalDatabase AddSqlServerContainer(this IDistributedApplicationBuilder builder)
    {
        var password = builder.AddParameter("sql-password", secret: true, value: new GenerateParameterDefault
        {
            MinLength = 16,
            MinLower = 1,
            MinUpper = 1,
            MinNumeric = 1,
        });
        var server = builder.AddContainer("sql-server", "mcr.microsoft.com/mssql/server", "2022-latest")
            .WithEnvironment("ACCEPT_EULA", "Y")
            .WithEnvironment("MSSQL_SA_PASSWORD", password)
            .WithEndpoint(targetPort: 1433, name: "tcp", scheme: "tcp")
            .WithVolume("end-user-portal-sql", "/var/opt/mssql");
        var endpoint = server.GetEndpoint("tcp");
        var connection = builder.AddConnectionString(ResourceNames.Database, ReferenceExpression.Create(
            $"Server={endpoint.Property(EndpointProperty.Host)},{endpoint.Property(EndpointProperty.Port)};User ID=sa;Password={password};Database=EndUserPortal;TrustServerCertificate=true"));
        return new PortalDatabase(connection, "SqlServer", server);
    }
}
