using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace WebhookReceiver;

/// <summary>What a delivery's signature check concluded when it arrived.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SignatureCheck>))]
public enum SignatureCheck
{
    Verified,
    DoesNotMatch,
    NoSecretSet,
}

/// <summary>One delivery as it arrived: the Standard Webhooks headers, the body, and what its signature check said.</summary>
public sealed record Arrival(
    long Number,
    DateTimeOffset ReceivedAt,
    string Slug,
    string? WebhookId,
    string? EventType,
    SignatureCheck Signature,
    string? SignatureProblem,
    int AnsweredWith,
    string Body);

/// <summary>
/// The last deliveries, newest first, in memory. Bounded so that a flood of test events cannot
/// grow the tool without limit.
/// </summary>
public sealed class Arrivals(TimeProvider time)
{
    public const int Kept = 500;

    private readonly ConcurrentQueue<Arrival> queue = new();
    private long count;

    /// <summary>When set, every delivery is answered 503, to watch the portal retry (the home page's switch).</summary>
    public bool Failing { get; set; }

    public Arrival Add(string slug, string? webhookId, string body, SignatureCheck signature, string? problem, int answeredWith)
    {
        var arrival = new Arrival(Interlocked.Increment(ref count), time.GetUtcNow(), slug, webhookId, EventTypeOf(body),
            signature, problem, answeredWith, body);
        queue.Enqueue(arrival);
        while (queue.Count > Kept && queue.TryDequeue(out _))
        {
        }

        return arrival;
    }

    public IReadOnlyList<Arrival> Newest() => queue.Reverse().ToList();

    private static string? EventTypeOf(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("type", out var type)
                && type.ValueKind == JsonValueKind.String
                ? type.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
