namespace Api.Audit;

/// <summary>The audit log's action names: stable, because exported logs and filters depend on them.</summary>
public static class AuditActions
{
    public const string EndUserCreated = "end-user.created";
    public const string EndUserEdited = "end-user.edited";
    public const string EndUserEnabled = "end-user.enabled";
    public const string EndUserDisabled = "end-user.disabled";
    public const string EndUserDeleted = "end-user.deleted";
    public const string ActivationResent = "end-user.activation-resent";
    public const string MfaReset = "end-user.mfa-reset";
    public const string EndUserUnlocked = "end-user.unlocked";

    /// <summary>An end user stuck after their move to SSO was reminded (by the system, or by staff with Send reminder).</summary>
    public const string ReminderSent = "end-user.reminder-sent";

    /// <summary>A partner admin turned a client's automatic migration reminders on or off.</summary>
    public const string ClientRemindersChanged = "client.reminders-changed";

    /// <summary>An address typed for an end user belongs to an SSO account the partner does not manage: its owner was asked.</summary>
    public const string AccessRequested = "end-user.access-requested";
    public const string AccessAccepted = "end-user.access-accepted";
    public const string AccessDeclined = "end-user.access-declined";

    public const string BatchCreated = "migration-batch.created";
    public const string BatchEdited = "migration-batch.edited";
    public const string BatchRescheduled = "migration-batch.rescheduled";
    public const string BatchCancelled = "migration-batch.cancelled";
    public const string BatchStarted = "migration-batch.started";
    public const string BatchCompleted = "migration-batch.completed";
    public const string BatchRolledBack = "migration-batch.rolled-back";
    public const string BatchPaused = "migration-batch.paused";
    public const string UserExcluded = "end-user.migration-excluded";
    public const string UserMigrated = "end-user.migrated";
    public const string UserMigrationFailed = "end-user.migration-failed";
    public const string UserMigrationSkipped = "end-user.migration-skipped";
    public const string UserMigrationRetried = "end-user.migration-retried";
    public const string UserRolledBack = "end-user.migration-rolled-back";

    public const string TicketAnswered = "ticket.answered";
    public const string TicketStatusChanged = "ticket.status-changed";

    /// <summary>A person's roles in one product changed in Home &gt; User Management.</summary>
    public const string HomeUserRolesChanged = "home-user.roles-changed";

    public const string BrandingEdited = "partner.branding-edited";
    public const string LogoChanged = "partner.logo-changed";
    public const string LogoRemoved = "partner.logo-removed";

    public const string ApiClientCreated = "api-client.created";
    public const string ApiClientSecretRotated = "api-client.secret-rotated";
    public const string ApiClientOldSecretRetired = "api-client.old-secret-retired";
    public const string ApiClientRevoked = "api-client.revoked";
}
