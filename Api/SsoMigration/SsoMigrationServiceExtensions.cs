using Api.Portal.LegacyLogin;
using Api.Shared;
using Api.SsoMigration.Execution;
using Api.SsoMigration.NextLogin;
using Api.SsoMigration.Notices;
using Api.SsoMigration.Readiness;

namespace Api.SsoMigration;

public static class SsoMigrationServiceExtensions
{
    /// <summary>The migration's services: per-user migration, batches, their scheduler and notices.</summary>
    public static IHostApplicationBuilder AddSsoMigration(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<MigrationOptions>().BindConfiguration("Migration");
        services.AddScoped<EndUserMigrator>();
        // Mixed mode: the portal's login form moves a user whose batch window is open.
        services.AddScoped<INextLoginMigration, NextLoginMigration>();

        // Planning: the dry run and the notices to partners.
        services.AddScoped<ReadinessCheck>();
        services.AddScoped<NoticeEmails>();
        services.AddScoped<MigrationNotices>();
        // The batch runner's Failed notice, when a run ends with failed users.
        services.AddScoped<IBatchOutcomeNotices>(provider => provider.GetRequiredService<MigrationNotices>());

        // Execution: the runner (one per replica, woken by its signal), its steps, and the
        // operator's controls.
        services.AddSingleton<BatchRunnerSignal>();
        services.AddScoped<UserMigrationStep>();
        services.AddScoped<BatchCompletion>();
        services.AddScoped<BatchControl>();
        services.AddScoped<UserRollback>();
        services.AddScoped<BatchRollback>();
        if (!OpenApiGeneration.IsRunning)
        {
            services.AddHostedService<UpcomingNoticeSender>();
            services.AddHostedService<BatchRunner>();
        }

        return builder;
    }
}
