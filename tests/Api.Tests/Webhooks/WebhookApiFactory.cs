using System.Collections.Concurrent;
using System.Net;
using Api.Webhooks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Webhooks;

/// <summary>
/// The Api with its own dispatcher off (each test runs dispatchers on a clock it moves) and host
/// names resolved by <see cref="TestHostResolver"/>, so a test points a name at 10.0.0.5 or
/// 169.254.169.254 without the network. Loopback deliveries are allowed, as in Development.
/// </summary>
public class WebhookApiFactory : SsoApiFactory
{
    public TestHostResolver Resolver { get; } = new();

    protected virtual bool AllowLoopback => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Webhooks:Dispatch", "false");
        builder.UseSetting("Webhooks:AllowLoopback", AllowLoopback ? "true" : "false");
        builder.ConfigureTestServices(services => services.AddSingleton<IWebhookHostResolver>(Resolver));
    }
}

/// <summary>The rules outside Development: no loopback, https only.</summary>
public sealed class ProductionRulesWebhookApiFactory : WebhookApiFactory
{
    protected override bool AllowLoopback => false;
}

/// <summary>Names the test sets resolve to its addresses; IP literals resolve to themselves; nothing else resolves.</summary>
public sealed class TestHostResolver : IWebhookHostResolver
{
    private readonly ConcurrentDictionary<string, IPAddress[]> names = new(StringComparer.OrdinalIgnoreCase);

    public void Set(string host, params string[] addresses) => names[host] = [.. addresses.Select(IPAddress.Parse)];

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        Task.FromResult(IPAddress.TryParse(host, out var literal) ? [literal] : names.TryGetValue(host, out var found) ? found : []);
}

[CollectionDefinition(Name)]
public sealed class WebhookCollection : ICollectionFixture<WebhookApiFactory>
{
    public const string Name = "webhooks";
}
