using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Api.Tests.Support;

/// <summary>An answer of the Api, read once: status, media type, body and (for JSON) its fields.</summary>
public sealed class SsoResponse
{
    private SsoResponse(HttpResponseMessage raw, string body)
    {
        Raw = raw;
        Body = body;
        if (body.Length > 0 && (MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) ?? false))
        {
            try
            {
                Json = JsonNode.Parse(body) as JsonObject;
            }
            catch (JsonException)
            {
            }
        }
    }

    public HttpResponseMessage Raw { get; }

    public HttpStatusCode Status => Raw.StatusCode;

    public string Body { get; }

    public string? MediaType => Raw.Content.Headers.ContentType?.MediaType;

    public JsonObject? Json { get; }

    public bool IsProblem => MediaType == "application/problem+json";

    public string? Step => String("step");

    public string? RedirectUrl => String("redirectUrl");

    public string? Detail => String("detail");

    public string? Title => String("title");

    public string? Type => String("type");

    public JsonObject? Errors => Json?["errors"] as JsonObject;

    public string[] RecoveryCodes => Json?["recoveryCodes"] is JsonArray codes ? [.. codes.Select(c => c!.GetValue<string>())] : [];

    public IReadOnlyList<string> SetCookies => Raw.Headers.TryGetValues("Set-Cookie", out var values) ? [.. values] : [];

    public string? String(string name) => Json?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>The JSON body without the named fields (e.g. the per-request traceId), for comparing two answers.</summary>
    public string BodyWithout(params string[] names)
    {
        if (Json is null)
        {
            return Body;
        }

        var copy = (JsonObject)Json.DeepClone();
        foreach (var name in names)
        {
            copy.Remove(name);
        }

        return copy.ToJsonString();
    }

    public override string ToString() => $"{(int)Status} {MediaType} {Body}";

    public static async Task<SsoResponse> ReadAsync(HttpResponseMessage response) =>
        new(response, await response.Content.ReadAsStringAsync());
}
