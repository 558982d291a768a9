using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Benchmarks.Orchestration;
using Benchmarks.Report;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using StandardWebhooks;

namespace Benchmarks.Scenarios;

/// <summary>
/// Webhook dispatch: a partner admin registers an endpoint on a receiver in this process (Kestrel
/// on loopback, verifying every signature with the StandardWebhooks library). Live: N events queued
/// with "Send test event" (8 requests at a time), the p99 from each event's own timestamp to its
/// arrival. Backlog: N more queued while the endpoint is disabled, then deliveries per second from
/// Enable to the last arrival. Reference, same run and receiver: bare HttpClient POSTs of the same
/// body one after another.
/// </summary>
public static class WebhookDispatch
{
    public static async Task RunAsync(BenchStack stack, BenchOptions options, string adminToken, ResultTable table, CancellationToken cancellationToken)
    {
        var events = options.Smoke ? 100 : 2_000;
        await using var receiver = await Receiver.StartAsync();
        using var http = new HttpClient { BaseAddress = stack.Api.BaseAddress, Timeout = TimeSpan.FromMinutes(1) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", adminToken);
        var created = await http.PostAsJsonAsync("api/admin/webhooks/endpoints",
            new { url = receiver.Url, description = "Bench receiver", events = new[] { "end_user.created" } }, cancellationToken);
        created.EnsureSuccessStatusCode();
        var answer = JsonNode.Parse(await created.Content.ReadAsStringAsync(cancellationToken))!;
        receiver.Secret = answer["secret"]!.GetValue<string>();
        var endpointId = answer["endpoint"]!["id"]!.GetValue<string>();

        // Live: events queued as changes happen (8 requests at a time); each one's time to arrival.
        await QueueAsync(http, endpointId, events, cancellationToken);
        await receiver.WaitForAsync(events, TimeSpan.FromMinutes(5), cancellationToken);
        var p99 = Percentile(receiver.Latencies, 0.99);

        // Backlog: events that waited while the endpoint was disabled, sent once it is enabled again.
        (await http.PostAsync($"api/admin/webhooks/endpoints/{endpointId}/disable", null, cancellationToken)).EnsureSuccessStatusCode();
        await QueueAsync(http, endpointId, events, cancellationToken);
        var clock = Stopwatch.StartNew();
        (await http.PostAsync($"api/admin/webhooks/endpoints/{endpointId}/enable", null, cancellationToken)).EnsureSuccessStatusCode();
        await receiver.WaitForAsync(events, TimeSpan.FromMinutes(5), cancellationToken);
        var perSecond = events / clock.Elapsed.TotalSeconds;

        var (referencePerSecond, referenceP99) = await BarePostsAsync(receiver, events, cancellationToken);
        var unverified = receiver.Unverified;
        table.Add(new ReportRow(
            $"Webhook deliveries/s, a backlog of {events:N0}{(unverified > 0 ? $" ({unverified} NOT VERIFIED)" : "")}",
            $"{perSecond:N0}/s",
            $"bare POST: {referencePerSecond:N0}/s",
            $"{perSecond / referencePerSecond:0.00}×",
            "reported",
            unverified == 0 ? null : false));
        table.Add(new ReportRow($"Webhook event → arrival p99 ({events:N0} live)", $"{p99:N0} ms", $"bare POST p99: {referenceP99:N1} ms", $"{p99 / Math.Max(referenceP99, 0.1):0}×", "reported", null));
    }

    /// <summary>"Send test event" this many times, 8 requests at a time: each queues one signed event for the endpoint.</summary>
    private static Task QueueAsync(HttpClient http, string endpointId, int count, CancellationToken cancellationToken) =>
        Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (_, token) =>
            (await http.PostAsync($"api/admin/webhooks/endpoints/{endpointId}/test", null, token)).EnsureSuccessStatusCode());

    /// <summary>The same body POSTed to the same receiver, one after another: what sending alone costs.</summary>
    private static async Task<(double PerSecond, double P99)> BarePostsAsync(Receiver receiver, int count, CancellationToken cancellationToken)
    {
        using var bare = new HttpClient();
        var body = """{"type":"webhook.test","timestamp":"2026-01-01T00:00:00Z","data":{"message":"reference"}}""";
        var latencies = new List<double>(count);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            (await bare.PostAsync(receiver.ReferenceUrl, content, cancellationToken)).EnsureSuccessStatusCode();
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return (count / clock.Elapsed.TotalSeconds, Percentile(latencies, 0.99));
    }

    private static double Percentile(IReadOnlyCollection<double> values, double quantile)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(quantile * sorted.Count) - 1)];
    }

    /// <summary>The partner's receiver: checks each signature, notes how long after its event each delivery arrived.</summary>
    private sealed class Receiver : IAsyncDisposable
    {
        private readonly WebApplication app;
        private readonly ConcurrentBag<double> latencies = [];
        private readonly SemaphoreSlim arrived = new(0);
        private int unverified;

        private Receiver(WebApplication app, string baseUrl)
        {
            this.app = app;
            Url = baseUrl + "/hook";
            ReferenceUrl = baseUrl + "/reference";
        }

        public string Url { get; }
        public string ReferenceUrl { get; }
        public string Secret { get; set; } = "";
        public IReadOnlyCollection<double> Latencies => latencies;
        public int Unverified => unverified;

        public static async Task<Receiver> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            Receiver? receiver = null;
            app.MapPost("/reference", () => Results.NoContent());
            app.MapPost("/hook", async (HttpRequest request) =>
            {
                var body = await new StreamReader(request.Body).ReadToEndAsync();
                receiver!.Arrive(body, request.Headers);
                return Results.NoContent();
            });
            await app.StartAsync();
            receiver = new Receiver(app, app.Urls.Single());
            return receiver;
        }

        private void Arrive(string body, IHeaderDictionary headers)
        {
            try
            {
                new StandardWebhook(Secret).Verify(body, headers);
            }
            catch (Exception)
            {
                Interlocked.Increment(ref unverified);
            }

            var sentAt = JsonNode.Parse(body)!["timestamp"]!.GetValue<DateTimeOffset>();
            latencies.Add((DateTimeOffset.UtcNow - sentAt).TotalMilliseconds);
            arrived.Release();
        }

        public async Task WaitForAsync(int count, TimeSpan limit, CancellationToken cancellationToken)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(limit);
            for (var i = 0; i < count; i++)
            {
                await arrived.WaitAsync(timeout.Token);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
