using Api.Webhooks;

namespace Api.Admin.Webhooks;

/// <summary>An endpoint as the Webhooks pages show it; never its secret.</summary>
/// <param name="DisabledReason">Why it is disabled (by a person, or automatically after a day of failures); null while enabled.</param>
/// <param name="ConsecutiveFailures">Failed attempts since the last success.</param>
public sealed record WebhookEndpointView(
    Guid Id, string Url, string? Description, IReadOnlyList<string> Events, bool Enabled, string? DisabledReason, DateTime CreatedAt, int ConsecutiveFailures)
{
    public static WebhookEndpointView Of(WebhookEndpoint endpoint) => new(
        endpoint.Id, endpoint.Url, endpoint.Description, endpoint.Events.Split(' ', StringSplitOptions.RemoveEmptyEntries),
        endpoint.Enabled, endpoint.DisabledReason, endpoint.CreatedAt, endpoint.ConsecutiveFailures);
}

/// <summary>A new endpoint, or one whose secret was rotated: the secret is shown this once.</summary>
/// <param name="Secret">The signing secret (<c>whsec_…</c>); keep it in the receiver's configuration, it is never shown again.</param>
public sealed record WebhookEndpointWithSecret(WebhookEndpointView Endpoint, string Secret);
