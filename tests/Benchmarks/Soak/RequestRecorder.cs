using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace Benchmarks.Soak;

/// <summary>One HTTP request of the soak's load: its kind, when it started (Unix ms), how long it took, its status (0: no answer).</summary>
public sealed record RequestRecord(string Kind, long Start, double Ms, int Status);

/// <summary>The operation a load client is doing now: what its requests count as, and whether one of them got a gateway error.</summary>
public sealed class Operation(string kind)
{
    public string Kind => kind;

    /// <summary>A request of this operation answered 502 (the proxy: the replica's connection broke) or got no answer: a replica died under it.</summary>
    public bool HitGateway { get; set; }

    public string? LastFailure { get; set; }
}

/// <summary>
/// Wraps the load's HTTP handler: records every request with the kind of the operation it belongs
/// to (<see cref="Current"/>, flowing with the async call), so the orchestrator can count requests
/// by kind and take each fault's p99 before, during and after.
/// </summary>
public sealed class RequestRecorder() : DelegatingHandler(new SocketsHttpHandler
{
    UseCookies = false,
    AllowAutoRedirect = false,
    PooledConnectionLifetime = TimeSpan.FromMinutes(1),
    MaxConnectionsPerServer = 256,
})
{
    private static readonly AsyncLocal<Operation?> Ambient = new();

    public ConcurrentQueue<RequestRecord> Records { get; } = new();

    public static Operation? Current
    {
        get => Ambient.Value;
        set => Ambient.Value = value;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operation = Current;
        var start = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var clock = Stopwatch.StartNew();
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            Records.Enqueue(new RequestRecord(operation?.Kind ?? "setup", start, clock.Elapsed.TotalMilliseconds, (int)response.StatusCode));
            if (operation is not null && response.StatusCode == HttpStatusCode.BadGateway)
            {
                operation.HitGateway = true;
                operation.LastFailure = $"{request.Method} {request.RequestUri?.AbsolutePath}: 502 from the proxy";
            }

            return response;
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException || exception is TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            Records.Enqueue(new RequestRecord(operation?.Kind ?? "setup", start, clock.Elapsed.TotalMilliseconds, 0));
            if (operation is not null)
            {
                operation.HitGateway = true;
                operation.LastFailure = $"no answer: {exception.GetType().Name}: {exception.Message}";
            }

            throw;
        }
    }
}
