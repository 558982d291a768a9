namespace Api.Webhooks;

/// <summary>The events a partner's endpoints can subscribe to: stable names, receivers switch on them.</summary>
public static class WebhookEventTypes
{
    public const string EndUserCreated = "end_user.created";
    public const string EndUserUpdated = "end_user.updated";
    public const string EndUserEnabled = "end_user.enabled";
    public const string EndUserDisabled = "end_user.disabled";
    public const string EndUserDeleted = "end_user.deleted";
    public const string EndUserActivated = "end_user.activated";
    public const string EndUserMfaEnrolled = "end_user.mfa_enrolled";
    public const string EndUserMfaReset = "end_user.mfa_reset";
    public const string EndUserLocked = "end_user.locked";
    public const string EndUserMigrated = "end_user.migrated";
    public const string EndUserLinked = "end_user.linked";
    public const string EndUserRolledBack = "end_user.rolled_back";
    public const string BatchScheduled = "batch.scheduled";
    public const string BatchStarted = "batch.started";
    public const string BatchCompleted = "batch.completed";
    public const string BatchFailed = "batch.failed";

    /// <summary>Sent by "Send test event" to one endpoint, whatever it subscribed to.</summary>
    public const string Test = "webhook.test";

    public static readonly IReadOnlyList<string> All =
    [
        EndUserCreated, EndUserUpdated, EndUserEnabled, EndUserDisabled, EndUserDeleted, EndUserActivated,
        EndUserMfaEnrolled, EndUserMfaReset, EndUserLocked, EndUserMigrated, EndUserLinked, EndUserRolledBack,
        BatchScheduled, BatchStarted, BatchCompleted, BatchFailed,
    ];
}
