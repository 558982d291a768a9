using System.Text.Json.Nodes;

namespace Api.Tests.Support;

/// <summary>One operation of the OpenAPI document: what a sweep needs to call it.</summary>
public sealed record ApiOperation(
    string Method,
    string Path,
    string? OperationId,
    bool RequiresBearer,
    IReadOnlyDictionary<string, string>? BodyProperties,
    IReadOnlyList<ApiParameter> Parameters)
{
    /// <summary>"POST /api/sso/login/start": the theory row's name.</summary>
    public string Key => $"{Method} {Path}";

    public bool HasBody => BodyProperties is not null;

    /// <summary>Input the caller controls: a JSON body, path or query parameters.</summary>
    public bool TakesInput => HasBody || Parameters.Count > 0;

    /// <summary>The URL with every parameter given a value, already percent-encoded (so invalid UTF-8 can be sent too).</summary>
    public string Url(Func<ApiParameter, string> encodedValueFor)
    {
        var path = Parameters.Where(p => p.In == "path")
            .Aggregate(Path, (url, p) => url.Replace("{" + p.Name + "}", encodedValueFor(p), StringComparison.Ordinal));
        var query = string.Join('&', Parameters.Where(p => p.In == "query")
            .Select(p => $"{Uri.EscapeDataString(p.Name)}={encodedValueFor(p)}"));
        return query.Length == 0 ? path : $"{path}?{query}";
    }

    /// <summary>A well-formed (URL-safe) value of the parameter's type, for calls whose point is not the parameter.</summary>
    public static string PlausibleValue(ApiParameter parameter) => (parameter.Type, parameter.Format) switch
    {
        (_, "uuid") => "00000000-0000-0000-0000-000000000001",
        ("integer" or "number", _) => "1",
        ("boolean", _) => "true",
        _ => "x",
    };

    public override string ToString() => Key;

    internal static ApiOperation From(string method, string path, JsonObject operation, JsonObject? schemas)
    {
        var parameters = (operation["parameters"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(p => new ApiParameter(
                p["name"]!.GetValue<string>(),
                p["in"]!.GetValue<string>(),
                TypeOf(Resolve(p["schema"] as JsonObject, schemas)),
                Resolve(p["schema"] as JsonObject, schemas)?["format"]?.GetValue<string>()))
            .ToList();
        var body = Resolve(operation["requestBody"]?["content"]?["application/json"]?["schema"] as JsonObject, schemas);
        var properties = body is null ? null : (body["properties"] as JsonObject ?? [])
            .ToDictionary(p => p.Key, p => TypeOf(Resolve(p.Value as JsonObject, schemas)));
        return new ApiOperation(
            method,
            path,
            operation["operationId"]?.GetValue<string>(),
            operation["security"] is JsonArray { Count: > 0 },
            properties,
            parameters);
    }

    private static JsonObject? Resolve(JsonObject? schema, JsonObject? schemas) =>
        schema?["$ref"]?.GetValue<string>() is { } reference
            ? schemas?[reference.Split('/')[^1]] as JsonObject
            : schema;

    /// <summary>The schema's type, ignoring "null" (["null","string"] is a nullable string).</summary>
    private static string TypeOf(JsonObject? schema) => schema?["type"] switch
    {
        JsonValue value => value.GetValue<string>(),
        JsonArray types => types.Select(t => t!.GetValue<string>()).FirstOrDefault(t => t != "null") ?? "null",
        _ => "object",
    };
}

public sealed record ApiParameter(string Name, string In, string Type, string? Format);
