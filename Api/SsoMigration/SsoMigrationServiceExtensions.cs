using Api.Portal.LegacyLogin;
using Api.Shared;
using Api.Sso.Accounts;
using Api.SsoMigration.Funnel;
using Api.SsoMigration.Execution;
using Api.SsoMigration.NextLogin;
using Api.SsoMigration.Notices;
using Api.SsoMigration.Readiness;
using Api.SsoMigration.Reminders;

namespace Api.SsoMigration;

public static class SsoMigrationServiceExtensions
{
    /// <summary>The migration's services: per-user migration, batches, their scheduler and notices.</summary>
    public static IHostApplicationBuilder AddSsoMigration(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<MigrationOptions>().BindConfiguration("Migration");
        services.AddScoped<EndUserMigrator>();
        services.AddScoped<BatchWebhooks>();
        services.AddSingleton<MigrationMetrics>();

        // The funnel: the SSO reports activations, enrolments and sign-ins; moved users' are recorded once.
        services.AddScoped<IAccountMilestoneListener, FunnelMilestoneRecorder>();
        services.AddScoped<FunnelTallies>();

        // Mixed mode: the portal's login form moves a user whose batch window is open.
        services.AddScoped<INextLoginMigration, NextLoginMigration>();

        // Planning: the dry run and the notices to partners.
        services.AddScoped<ReadinessCheck>();
        services.AddScoped<NoticeEmails>();
        services.AddScoped<NoticeSubjects>();
        services.AddScoped<MigrationNotices>();
        // The notices the runner and the operator's controls cause (failed, paused, run now).
        services.AddScoped<IBatchOutcomeNotices>(provider => provider.GetRequiredService<MigrationNotices>());

        // Execution: the runner (one per replica, woken by its signal), its steps, and the
        // operator's controls.
        services.AddSingleton<BatchRunnerSignal>();
        services.AddScoped<UserMigrationStep>();
        services.AddScoped<BatchCompletion>();
        services.AddScoped<BatchControl>();
        services.AddScoped<UserRollback>();
        services.AddScoped<BatchRollback>();
        // After the move: reminders to stuck end users, the partners' digest, Send reminder.
        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.SectionName)
            .Validate(o => o.FirstAfterDays >= 1 && o.SecondAfterDays > o.FirstAfterDays && o.StopAfterDays > o.SecondAfterDays && o.DigestAfterDays >= 1
                && o.DigestThresholdPercent is > 0 and <= 100 && o.PollInterval > TimeSpan.Zero,
                "Migration:Reminders: FirstAfterDays >= 1 < SecondAfterDays < StopAfterDays, DigestAfterDays >= 1, DigestThresholdPercent 1 to 100, PollInterval > 0.")
            .ValidateOnStart();
        services.AddScoped<ReminderEmails>();
        services.AddScoped<DigestEmails>();
        services.AddScoped<ReminderTargets>();
        services.AddScoped<ReminderMailer>();
        services.AddScoped<DueReminders>();
        services.AddScoped<ActivationDigests>();
        services.AddScoped<MigrationReminders>();
        services.AddScoped<ManualReminders>();
        if (!OpenApiGeneration.IsRunning)
        {
            services.AddHostedService<UpcomingNoticeSender>();
            services.AddHostedService<BatchRunner>();
            services.AddHostedService<ReminderSender>();
        }

        return builder;
    }
}
