namespace AppHost;

/// <summary>
/// In Development the app host runs a webhook receiver (a stand-in for a partner's own tool): point
/// an endpoint in Settings &gt; Webhooks at <c>http://localhost:…/hooks/{name}</c>, paste the signing
/// secret into the receiver's page, and watch the signed deliveries arrive. Webhook addresses on
/// this machine are allowed only because the Api runs in Development (its SSRF rule refuses
/// loopback everywhere else).
/// </summary>
internal static class WebhookReceiverResources
{
    public static IResourceBuilder<ProjectResource> AddWebhookReceiver(this IDistributedApplicationBuilder builder) =>
        builder.AddProject<Projects.WebhookReceiver>(ResourceNames.WebhookReceiver)
            .WithHttpHealthCheck("/health")
            .WithoutDevelopmentCertificate()
            .WithUrlForEndpoint("http", url => url.DisplayText = "Webhook Receiver");
}
