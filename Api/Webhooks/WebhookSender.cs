using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using StandardWebhooks;

namespace Api.Webhooks;

/// <summary>What one attempt came to, for the delivery log.</summary>
public sealed record WebhookAttemptOutcome(bool Succeeded, int? ResponseCode, int LatencyMs, string? Error);

/// <summary>
/// Makes one attempt: signs the payload per the Standard Webhooks specification (<c>webhook-id</c>,
/// <c>webhook-timestamp</c>, <c>webhook-signature</c>) and POSTs it. No redirects (a 3xx fails),
/// no proxy, no cookies; connections only through <see cref="WebhookConnector"/>; the whole attempt
/// within <see cref="WebhookOptions.Timeout"/> on the injected clock; at most
/// <see cref="WebhookOptions.MaxResponseBytes"/> of the answer read, the rest dropped with the connection.
/// </summary>
public sealed class WebhookSender : IDisposable
{
    private readonly HttpClient client;
    private readonly IOptions<WebhookOptions> options;
    private readonly TimeProvider clock;

    public WebhookSender(WebhookConnector connector, IOptions<WebhookOptions> options, TimeProvider clock)
    {
        this.options = options;
        this.clock = clock;
        client = new HttpClient(new SocketsHttpHandler
        {
            ConnectCallback = connector.ConnectAsync,
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            // New connections resolve (and are checked) again; a pooled one keeps its checked address.
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
            MaxResponseHeadersLength = 64,
            // What is left of an answer past the cap is dropped with its connection, never drained.
            MaxResponseDrainSize = 0,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("EndUserPortal-Webhooks", "1.0"));
    }

    public async Task<WebhookAttemptOutcome> SendAsync(string url, string messageId, string payload, string secret, CancellationToken cancellationToken)
    {
        var limit = options.Value.Timeout;
        var started = Stopwatch.GetTimestamp();
        int Elapsed() => (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds;

        var timestamp = clock.GetUtcNow();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        request.Headers.Add("webhook-id", messageId);
        request.Headers.Add("webhook-timestamp", timestamp.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", new StandardWebhook(secret).Sign(messageId, timestamp, payload));

        using var timeout = new CancellationTokenSource(limit, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            await ReadCappedAsync(response, linked.Token);
            var code = (int)response.StatusCode;
            return code switch
            {
                >= 200 and < 300 => new(true, code, Elapsed(), null),
                >= 300 and < 400 => new(false, code, Elapsed(), $"The endpoint answered with a redirect ({code}); events are not sent on to another address."),
                _ => new(false, code, Elapsed(), $"The endpoint answered {code} {Reason(response.StatusCode)}."),
            };
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new(false, null, Elapsed(), $"The endpoint did not answer within {limit.TotalSeconds:0.#} seconds.");
        }
        catch (HttpRequestException exception) when (exception.InnerException is WebhookAddressRefusedException refused)
        {
            return new(false, null, Elapsed(), refused.Message);
        }
        catch (HttpRequestException exception)
        {
            var reason = exception.HttpRequestError == HttpRequestError.ConnectionError ? "the connection was refused or could not be made" : exception.HttpRequestError.ToString();
            return new(false, null, Elapsed(), $"We could not reach the endpoint: {reason}.");
        }
    }

    /// <summary>Reads at most the cap of the answer, so a receiver cannot keep a dispatcher reading forever.</summary>
    private async Task ReadCappedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[8192];
        var left = options.Value.MaxResponseBytes;
        int read;
        while (left > 0 && (read = await body.ReadAsync(buffer.AsMemory(0, Math.Min(buffer.Length, left)), cancellationToken)) > 0)
        {
            left -= read;
        }
    }

    private static string Reason(HttpStatusCode code) => code.ToString() switch
    {
        var name when int.TryParse(name, out _) => "",
        var name => string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + c : c.ToString())),
    };

    public void Dispose() => client.Dispose();
}
