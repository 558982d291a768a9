using System.Collections.Concurrent;
using System.Net.Http;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Benchmarks.Soak;

/// <summary>A request the proxy could not complete: on which replica, when it started and ended, why.</summary>
public sealed record ProxyFailure(string Destination, DateTimeOffset Started, DateTimeOffset Ended, string Why);

/// <summary>
/// What the proxy saw: requests in flight per replica (the bound on what a kill may break), every
/// request it could not complete, and how many it sent on to another replica because the first one
/// refused the connection (nothing was sent, so even a POST is safe to send again).
/// </summary>
public sealed class ProxyLedger
{
    private const int MaxReplicasTried = 3;

    private readonly ConcurrentDictionary<string, int> inFlight = new();
    private readonly ConcurrentDictionary<string, long> started = new();
    private readonly ConcurrentQueue<ProxyFailure> failures = new();
    private int redirected;
    private long forwarded;

    public IReadOnlyCollection<ProxyFailure> Failures => failures;

    public int Redirected => Volatile.Read(ref redirected);

    public long Forwarded => Interlocked.Read(ref forwarded);

    /// <summary>Requests the replica has been sent and not yet answered.</summary>
    public int InFlight(string destination) => inFlight.GetValueOrDefault(destination);

    /// <summary>Requests ever sent to the replica (to count those sent while it was being killed).</summary>
    public long Started(string destination) => started.GetValueOrDefault(destination);

    /// <summary>A transport failure: the replica refused, reset or dropped the connection (a 502 from the proxy).</summary>
    public static bool IsTransportFailure(HttpContext context) =>
        context.Features.Get<IForwarderErrorFeature>() is { Error: not ForwarderError.None and not ForwarderError.RequestCanceled };

    /// <summary>Before load balancing: forwards, and once more to another replica when the chosen one refused the connection.</summary>
    public async Task ForwardAsync(HttpContext context, Func<Task> next)
    {
        context.Request.EnableBuffering();
        var proxy = context.GetReverseProxyFeature();
        var tried = new HashSet<string>();
        for (var attempt = 1; ; attempt++)
        {
            await next();
            var error = context.Features.Get<IForwarderErrorFeature>();
            if (error is null || context.Response.HasStarted || !Refused(error.Exception))
            {
                return;
            }

            if (attempt >= MaxReplicasTried)
            {
                var now = DateTimeOffset.UtcNow;
                failures.Enqueue(new ProxyFailure(proxy.ProxiedDestination?.DestinationId ?? "?", now, now, "every replica tried refused the connection"));
                return;
            }

            tried.Add(proxy.ProxiedDestination?.DestinationId ?? "");
            var others = proxy.AllDestinations.Where(d => !tried.Contains(d.DestinationId) && d.Health.Active != DestinationHealth.Unhealthy).ToList();
            if (others.Count == 0)
            {
                var now = DateTimeOffset.UtcNow;
                failures.Enqueue(new ProxyFailure(proxy.ProxiedDestination?.DestinationId ?? "?", now, now, "refused, and no other replica was healthy"));
                return;
            }

            Interlocked.Increment(ref redirected);
            context.Features.Set<IForwarderErrorFeature>(null);
            context.Response.Clear();
            context.Request.Body.Position = 0;
            proxy.AvailableDestinations = others;
        }
    }

    /// <summary>After load balancing (one destination chosen): counts the request in flight there while it is forwarded.</summary>
    public async Task TrackAsync(HttpContext context, Func<Task> next)
    {
        var proxy = context.GetReverseProxyFeature();
        var destination = proxy.AvailableDestinations.Count == 1 ? proxy.AvailableDestinations[0].DestinationId : "?";
        var startedAt = DateTimeOffset.UtcNow;
        inFlight.AddOrUpdate(destination, 1, (_, n) => n + 1);
        started.AddOrUpdate(destination, 1, (_, n) => n + 1);
        Interlocked.Increment(ref forwarded);
        try
        {
            await next();
        }
        finally
        {
            inFlight.AddOrUpdate(destination, 0, (_, n) => n - 1);
        }

        // RequestCanceled: the client went away (the load stopping), nothing the replica did.
        if (context.Features.Get<IForwarderErrorFeature>() is { Error: not (ForwarderError.None or ForwarderError.RequestCanceled) } error && !Refused(error.Exception))
        {
            failures.Enqueue(new ProxyFailure(destination, startedAt, DateTimeOffset.UtcNow, $"{error.Error}: {error.Exception?.GetBaseException().Message}"));
        }
    }

    /// <summary>The connection was never made: the request did not reach any replica.</summary>
    private static bool Refused(Exception? exception) =>
        exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError }
        || exception?.GetBaseException() is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.ConnectionRefused };
}
