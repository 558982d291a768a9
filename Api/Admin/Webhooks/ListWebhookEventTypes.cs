using Api.Webhooks;

namespace Api.Admin.Webhooks;

/// <summary>The events an endpoint can subscribe to, in the order the form offers them.</summary>
public static class ListWebhookEventTypes
{
    public static IReadOnlyList<string> Handle() => WebhookEventTypes.All;
}
