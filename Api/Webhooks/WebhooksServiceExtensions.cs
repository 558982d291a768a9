using Api.Shared;

namespace Api.Webhooks;

public static class WebhooksServiceExtensions
{
    /// <summary>
    /// Signed webhooks: events raised with the changes that cause them (<see cref="IWebhookEvents"/>),
    /// delivered from an outbox by <see cref="WebhookDispatcher"/> through the SSRF-guarded <see cref="WebhookSender"/>.
    /// </summary>
    public static IHostApplicationBuilder AddWebhooks(this IHostApplicationBuilder builder)
    {
        var options = builder.Services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.SectionName);
        builder.Services.AddScoped<IWebhookEvents, WebhookEvents>();
        builder.Services.AddScoped(services => (WebhookEvents)services.GetRequiredService<IWebhookEvents>());
        builder.Services.AddScoped<WebhookEndpointHealth>();
        builder.Services.AddSingleton<WebhookSignal>();
        builder.Services.AddSingleton<WebhookSecrets>();
        builder.Services.AddSingleton<IWebhookHostResolver, DnsWebhookHostResolver>();
        builder.Services.AddSingleton<WebhookConnector>();
        builder.Services.AddSingleton<WebhookSender>();
        builder.Services.AddSingleton<WebhookUrlCheck>();
        if (!OpenApiGeneration.IsRunning)
        {
            options.ValidateOnStart();
            builder.Services.AddHostedService<WebhookDispatcher>();
        }

        return builder;
    }
}
