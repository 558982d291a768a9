namespace Api.SsoMigration;

public static class SsoMigrationServiceExtensions
{
    /// <summary>The migration's services: per-user migration, batches, their scheduler and notices.</summary>
    public static IHostApplicationBuilder AddSsoMigration(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MigrationOptions>().BindConfiguration("Migration");
        builder.Services.AddScoped<EndUserMigrator>();
        return builder;
    }
}
