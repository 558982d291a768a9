using Api.Infrastructure;
using Api.SsoMigration.Execution;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Api.SsoMigration;

public static class SsoMigrationServiceExtensions
{
    /// <summary>The migration's services: per-user migration, batches, their scheduler and notices.</summary>
    public static IHostApplicationBuilder AddSsoMigration(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<MigrationOptions>().BindConfiguration("Migration");
        services.AddScoped<EndUserMigrator>();

        // Execution: the runner (one per replica, woken by its signal), its steps, and the
        // operator's controls.
        services.AddSingleton<BatchRunnerSignal>();
        services.AddScoped<UserMigrationStep>();
        services.AddScoped<BatchCompletion>();
        services.AddScoped<BatchControl>();
        services.AddScoped<UserRollback>();
        services.AddScoped<BatchRollback>();
        services.TryAddScoped<IBatchOutcomeNotices, NoBatchOutcomeNotices>();
        if (!OpenApiGeneration.IsRunning)
        {
            services.AddHostedService<BatchRunner>();
        }

        return builder;
    }
}
