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
}
