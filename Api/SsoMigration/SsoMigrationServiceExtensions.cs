using Api.Infrastructure;
using Api.SsoMigration.Execution;
using Api.SsoMigration.Notices;
using Api.SsoMigration.Readiness;

namespace Api.SsoMigration;

public static class SsoMigrationServiceExtensions
{
    /// <summary>The migration's services: per-user migration, batches, their scheduler and notices.</summary>
    public static IHostApplicationBuilder AddSsoMigration(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MigrationOptions>().BindConfiguration("Migration");
        builder.Services.AddScoped<EndUserMigrator>();
        builder.Services.AddScoped<ReadinessCheck>();
        builder.Services.AddScoped<NoticeEmails>();
        builder.Services.AddScoped<MigrationNotices>();
        // The batch runner's Failed notice, when a run ends with failed users.
        builder.Services.AddScoped<IBatchOutcomeNotices>(services => services.GetRequiredService<MigrationNotices>());
        if (!OpenApiGeneration.IsRunning)
        {
            builder.Services.AddHostedService<UpcomingNoticeSender>();
        }

        return builder;
    }
}
