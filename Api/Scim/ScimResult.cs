using System.Text.Json;
using System.Text.Json.Nodes;

namespace Api.Scim;

/// <summary>
/// A SCIM answer: a JSON body as <c>application/scim+json</c>, with the resource's version as the
/// ETag header and its address as Location when there is one (RFC 7644 §3.1, §3.14).
/// </summary>
public sealed class ScimResult(int status, JsonNode? body, string? etag = null, string? location = null) : IResult
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public int Status => status;

    public JsonNode? Body => body;

    /// <summary>Seconds to wait, for a 429 (the Retry-After header).</summary>
    public long? RetryAfter { get; init; }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = status;
        if (etag is not null)
        {
            response.Headers.ETag = etag;
        }

        if (location is not null)
        {
            response.Headers.Location = location;
        }

        if (RetryAfter is { } seconds)
        {
            response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (body is null)
        {
            return;
        }

        response.ContentType = ScimSchemas.MediaType + "; charset=utf-8";
        await response.WriteAsync(body.ToJsonString(Json), httpContext.RequestAborted);
    }

    public static ScimResult Ok(JsonNode body, string? etag = null, string? location = null) => new(StatusCodes.Status200OK, body, etag, location);

    public static ScimResult NoContent() => new(StatusCodes.Status204NoContent, null);

    public static ScimResult NotModified(string etag) => new(StatusCodes.Status304NotModified, null, etag);
}
