using System.Net;

namespace Benchmarks.Orchestration;

/// <summary>
/// Where the Api exports its telemetry, as it would to a collector in a real deployment: an OTLP/HTTP
/// endpoint that reads every POST (/v1/traces, /v1/metrics, /v1/logs) and answers 200, so the
/// exporter's serialisation and sending costs stay in the measurements.
/// </summary>
public sealed class OtlpSink : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly Task loop;
    private long exports;

    public OtlpSink()
    {
        Port = FreePort.Next();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public Uri Endpoint => new($"http://127.0.0.1:{Port}");

    /// <summary>Export requests received so far (the header shows telemetry really flowed).</summary>
    public long Exports => Interlocked.Read(ref exports);

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        try
        {
            await loop;
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
        {
        }
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(async () =>
            {
                try
                {
                    await context.Request.InputStream.CopyToAsync(Stream.Null);
                    Interlocked.Increment(ref exports);
                    context.Response.StatusCode = 200;
                    context.Response.ContentType = "application/x-protobuf";
                    context.Response.Close();
                }
                catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
                {
                }
            });
        }
    }
}
