using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace Benchmarks.Soak;

/// <summary>
/// YARP in front of the replicas, as a load balancer is deployed: round-robin; an active health
/// check (GET /alive every second) takes a dead replica out and brings a restarted one back; a
/// passive one (<see cref="FirstTransportFailure"/>) takes it out at the first connection that
/// fails. The proxy never retries a request the replica may have seen: only one whose connection
/// was refused (never sent) goes to another replica (<see cref="ProxyLedger.ForwardAsync"/>).
/// Runs in the orchestrator's process on its own port; the load comes from other processes.
/// </summary>
public sealed class ReverseProxy : IAsyncDisposable
{
    public const string ClusterId = "api";

    private readonly WebApplication app;

    private ReverseProxy(WebApplication app, Uri address, ProxyLedger ledger)
    {
        this.app = app;
        Address = address;
        Ledger = ledger;
    }

    /// <summary>http://127.0.0.1:{port}/ — the address users (and the issuer) see.</summary>
    public Uri Address { get; }

    public ProxyLedger Ledger { get; }

    public static string DestinationOf(int replica) => $"replica-{replica}";

    public static async Task<ReverseProxy> StartAsync(int port, IReadOnlyList<Uri> replicas, TimeSpan healthInterval)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.Services.AddSingleton<IPassiveHealthCheckPolicy, FirstTransportFailure>();
        builder.Services.AddSingleton<ProxyLedger>();
        builder.Services.AddReverseProxy().LoadFromMemory(
            [
                new RouteConfig
                {
                    RouteId = "everything",
                    ClusterId = ClusterId,
                    Match = new RouteMatch { Path = "{**rest}" },
                    // The Api sees the address the user typed (its issuer), as behind any load balancer.
                    Transforms = [new Dictionary<string, string> { ["RequestHeaderOriginalHost"] = "true" }],
                },
            ],
            [
                new ClusterConfig
                {
                    ClusterId = ClusterId,
                    LoadBalancingPolicy = "RoundRobin",
                    HealthCheck = new HealthCheckConfig
                    {
                        AvailableDestinationsPolicy = "HealthyOrPanic",
                        Active = new ActiveHealthCheckConfig
                        {
                            Enabled = true,
                            Interval = healthInterval,
                            Timeout = TimeSpan.FromSeconds(2),
                            Policy = "ConsecutiveFailures",
                            Path = "/alive",
                        },
                        Passive = new PassiveHealthCheckConfig { Enabled = true, Policy = FirstTransportFailure.Name, ReactivationPeriod = TimeSpan.FromSeconds(30) },
                    },
                    // One failed probe is enough: a killed process does not come back by itself.
                    Metadata = new Dictionary<string, string> { ["ConsecutiveFailuresHealthPolicy.Threshold"] = "1" },
                    HttpRequest = new Yarp.ReverseProxy.Forwarder.ForwarderRequestConfig { ActivityTimeout = TimeSpan.FromSeconds(100) },
                    Destinations = replicas.Select((address, i) => (address, i))
                        .ToDictionary(r => DestinationOf(r.i), r => new DestinationConfig { Address = r.address.ToString() }),
                },
            ]);

        var app = builder.Build();
        var ledger = app.Services.GetRequiredService<ProxyLedger>();
        app.MapReverseProxy(pipeline =>
        {
            pipeline.Use(ledger.ForwardAsync);
            pipeline.UseLoadBalancing();
            pipeline.Use(ledger.TrackAsync);
            pipeline.UsePassiveHealthChecks();
        });
        await app.StartAsync();
        return new ReverseProxy(app, new Uri($"http://127.0.0.1:{port}/"), ledger);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

/// <summary>The passive health check's policy: the first transport failure (refused, reset) takes the replica out until the active check sees it again.</summary>
public sealed class FirstTransportFailure(IDestinationHealthUpdater health) : IPassiveHealthCheckPolicy
{
    public const string Name = "FirstTransportFailure";

    string IPassiveHealthCheckPolicy.Name => Name;

    public void RequestProxied(HttpContext context, ClusterState cluster, DestinationState destination)
    {
        if (ProxyLedger.IsTransportFailure(context))
        {
            var period = cluster.Model.Config.HealthCheck?.Passive?.ReactivationPeriod ?? TimeSpan.FromSeconds(30);
            health.SetPassive(cluster, destination, DestinationHealth.Unhealthy, period);
        }
    }
}
