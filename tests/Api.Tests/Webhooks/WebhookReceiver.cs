using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using StandardWebhooks;

namespace Api.Tests.Webhooks;

/// <summary>One request as the receiver got it, and whether the StandardWebhooks library accepted its signature.</summary>
public sealed record ReceivedWebhook(string Path, string Id, string Timestamp, string Signature, string Body, bool VerifiedByLibrary, bool SignedWithSecret);

/// <summary>
/// A partner's receiver on a real loopback socket (Kestrel on 127.0.0.1): records every request and
/// checks its signature with the StandardWebhooks library, as a partner's code would. Paths answer
/// differently: /ok 204, /down 503 while <see cref="Down"/>, /redirect 302 to /ok, /slow never,
/// /endless a 200 whose body never ends.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, int> inFlight = new();

    private WebhookReceiver(WebApplication app) => this.app = app;

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    /// <summary>The signing secret the receiver checks with (set once the endpoint is registered).</summary>
    public string Secret { get; set; } = "";

    public bool Down { get; set; }

    /// <summary>The most deliveries of one event the receiver ever had open at the same time.</summary>
    public int MostAtOnceForOneEvent { get; private set; }

    /// <summary>Completes when a request reaches /slow.</summary>
    public TaskCompletionSource SlowArrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Bytes /endless wrote before the sender hung up.</summary>
    public long EndlessBytesWritten { get; private set; }

    public int Port { get; private set; }

    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        receiver.Port = new Uri(app.Urls.Single()).Port;
        return receiver;
    }

    private async Task HandleAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "";
        var body = await new StreamReader(http.Request.Body).ReadToEndAsync();
        var id = http.Request.Headers["webhook-id"].ToString();
        var open = inFlight.AddOrUpdate(id, 1, (_, n) => n + 1);
        lock (inFlight)
        {
            MostAtOnceForOneEvent = Math.Max(MostAtOnceForOneEvent, open);
        }

        try
        {
            Received.Enqueue(Check(path, id, http.Request.Headers, body));
            await Task.Delay(5); // long enough for a second delivery of the same event to overlap, if the lease let one through
            await AnswerAsync(path, http);
        }
        finally
        {
            inFlight.AddOrUpdate(id, 0, (_, n) => n - 1);
        }
    }

    private ReceivedWebhook Check(string path, string id, IHeaderDictionary headers, string body)
    {
        var timestamp = headers["webhook-timestamp"].ToString();
        var signature = headers["webhook-signature"].ToString();
        bool verified;
        try
        {
            new StandardWebhook(Secret).Verify(body, headers);
            verified = true;
        }
        catch (Exception)
        {
            verified = false;
        }

        // Independent of the library's five-minute tolerance (tests move a fake clock by hours):
        // the signature is the one this secret makes for this id, time and body.
        var signed = long.TryParse(timestamp, out var seconds)
            && new StandardWebhook(Secret).Sign(id, DateTimeOffset.FromUnixTimeSeconds(seconds), body) == signature;
        return new ReceivedWebhook(path, id, timestamp, signature, body, verified, signed);
    }

    private async Task AnswerAsync(string path, HttpContext http)
    {
        switch (path)
        {
            case "/down" when Down:
                http.Response.StatusCode = (int)HttpStatusCode.ServiceUnavailable;
                break;
            case "/redirect":
                http.Response.Redirect(Url("/ok"));
                break;
            case "/slow":
                SlowArrived.TrySetResult();
                await Task.Delay(Timeout.Infinite, http.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                break;
            case "/endless":
                var chunk = new byte[16 * 1024];
                try
                {
                    while (!http.RequestAborted.IsCancellationRequested)
                    {
                        await http.Response.Body.WriteAsync(chunk, http.RequestAborted);
                        EndlessBytesWritten += chunk.Length;
                    }
                }
                catch (Exception exception) when (exception is OperationCanceledException or IOException)
                {
                    // The sender hung up: what this path is for.
                }

                break;
            default:
                http.Response.StatusCode = (int)HttpStatusCode.NoContent;
                break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
