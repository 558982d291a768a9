namespace Api.Webhooks;

/// <summary>The audit log's action names for webhook endpoints (stable: exported logs and filters depend on them).</summary>
public static class WebhookAuditActions
{
    public const string EndpointCreated = "webhook-endpoint.created";
    public const string EndpointEdited = "webhook-endpoint.edited";
    public const string EndpointEnabled = "webhook-endpoint.enabled";
    public const string EndpointDisabled = "webhook-endpoint.disabled";
    public const string EndpointAutoDisabled = "webhook-endpoint.auto-disabled";
    public const string EndpointDeleted = "webhook-endpoint.deleted";
    public const string SecretRotated = "webhook-endpoint.secret-rotated";
    public const string DeliveryReplayed = "webhook-delivery.replayed";
}
