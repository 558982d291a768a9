using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Net.Http.Headers;

namespace Api.Scim;

/// <summary>
/// Reads a SCIM request's body. SCIM sends <c>application/scim+json</c>, which the minimal API's
/// JSON binding refuses, so the body is parsed here; attribute names are case-insensitive in SCIM
/// (RFC 7643 §2.1), so every object is read without regard to case.
/// </summary>
public static class ScimRequest
{
    public static readonly JsonNodeOptions CaseInsensitive = new() { PropertyNameCaseInsensitive = true };

    /// <summary>A new, case-insensitive JSON object.</summary>
    public static JsonObject NewObject() => new(CaseInsensitive);

    public static async Task<(JsonObject? Body, ScimResult? Error)> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentType is { } contentType
            && MediaTypeHeaderValue.TryParse(contentType, out var media)
            && !media.MediaType.Equals(ScimSchemas.MediaType, StringComparison.OrdinalIgnoreCase)
            && !media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, ScimErrors.Error(StatusCodes.Status415UnsupportedMediaType, null, $"Send the body as {ScimSchemas.MediaType} (or application/json)."));
        }

        try
        {
            var node = await JsonNode.ParseAsync(request.Body, CaseInsensitive, cancellationToken: cancellationToken);
            return node is JsonObject body
                ? (body, null)
                : (null, ScimErrors.InvalidSyntax("The body must be one JSON object."));
        }
        catch (JsonException)
        {
            return (null, ScimErrors.InvalidSyntax("The body is not valid JSON."));
        }
    }

    /// <summary>The member's value, whatever the case of its name; null when absent or JSON null.</summary>
    public static JsonNode? Member(this JsonObject obj, string name) => obj.TryGetPropertyValue(name, out var value) ? value : null;

    /// <summary>A string member; null when absent, null or not a string.</summary>
    public static string? StringMember(this JsonObject obj, string name) =>
        obj.Member(name) is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>
    /// A boolean, also when sent as the string "True"/"false" (Microsoft Entra ID sends
    /// <c>"value": "False"</c>); null when absent; false in <paramref name="valid"/> when neither.
    /// </summary>
    public static bool? Boolean(JsonNode? node, out bool valid)
    {
        valid = true;
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value)
        {
            if (value.TryGetValue<bool>(out var flag))
            {
                return flag;
            }

            if (value.TryGetValue<string>(out var text) && bool.TryParse(text.Trim(), out flag))
            {
                return flag;
            }
        }

        valid = false;
        return null;
    }
}
