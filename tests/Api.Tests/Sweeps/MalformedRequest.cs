
namespace Api.Tests.Sweeps;

/// <summary>
/// One kind of bad input, made for a given operation from its OpenAPI description: a broken or
/// mistyped JSON body, oversized or odd-Unicode values, missing fields, or odd path/query values.
/// </summary>
public sealed record MalformedRequest(string Name, Func<ApiOperation, string> Url, Func<ApiOperation, string?> Body, string MediaType = "application/json")
{
    private const string Rtl = "\\u202e";

    /// <summary>The kinds that apply to an operation: body kinds if it takes a JSON body, parameter kinds if it has parameters.</summary>
    public static IEnumerable<MalformedRequest> For(ApiOperation operation) =>
        (operation.HasBody ? BodyKinds : []).Concat(operation.Parameters.Count > 0 ? ParameterKinds : []);

    /// <summary>Bad JSON bodies; the URL's parameters (if any) are well-formed.</summary>
    public static IReadOnlyList<MalformedRequest> BodyKinds { get; } =
    [
        OfBody("malformed JSON: cut off", op => $"{{\"{FirstField(op)}\": \"x\","),
        OfBody("malformed JSON: not JSON at all", _ => "not json at all"),
        OfBody("malformed JSON: unterminated string", op => $"{{\"{FirstField(op)}\": \"abc"),
        OfBody("malformed JSON: single quotes", op => $"{{'{FirstField(op)}': 'x'}}"),
        OfBody("malformed JSON: two documents", op => $"{{\"{FirstField(op)}\": \"x\"}} {{\"{FirstField(op)}\": \"y\"}}"),
        OfBody("malformed JSON: nested 1000 deep", _ => new string('[', 1000) + new string(']', 1000)),
        OfBody("wrong type: the body is an array", _ => "[]"),
        OfBody("wrong type: the body is a string", _ => "\"text\""),
        OfBody("wrong type: the body is a number", _ => "42"),
        OfBody("wrong type: the body is null", _ => "null"),
        OfBody("wrong type: every field a number", op => Fields(op, type => type is "integer" or "number" ? "\"forty-two\"" : "42")),
        OfBody("wrong type: every field an object", op => Fields(op, _ => "{}")),
        OfBody("wrong type: every field an array", op => Fields(op, _ => "[\"x\"]")),
        OfBody("wrong type: every field a boolean", op => Fields(op, type => type == "boolean" ? "\"yes\"" : "true")),
        OfBody("huge: every field 20 KB", op => Fields(op, _ => Quoted(new string('a', 20 * 1024)))),
        OfBody("huge: every field 1 MB", op => Fields(op, _ => Quoted(new string('a', 1024 * 1024)))),
        OfBody("odd Unicode: lone surrogate", op => Fields(op, _ => "\"\\ud800abc\\udc00\"")),
        OfBody("odd Unicode: right-to-left override", op => Fields(op, _ => $"\"{Rtl}gpj.exe\"")),
        OfBody("odd Unicode: NUL", op => Fields(op, _ => "\"a\\u0000b\"")),
        OfBody("odd Unicode: combining marks", op => Fields(op, _ => Quoted("e" + string.Concat(Enumerable.Repeat("\u0301\u0308\u0327", 40))))),
        // Malformed even after compatibility folding: a well-formed fullwidth e-mail *is* its ASCII
        // form (one account, one failure counter; Security/FailureCounterScopeTests shows it).
        OfBody("odd Unicode: fullwidth forms", op => Fields(op, _ => Quoted("ｓｏｍｅｏｎｅ＠＠ｅｘａｍｐｌｅ．ｔｅｓｔ１２３４５６"))),
        OfBody("missing: every field", _ => "{}"),
        OfBody("missing: no body at all", _ => ""),
        new("wrong media type: text/plain", WellFormedUrl, op => Fields(op, _ => "\"x\""), "text/plain"),
    ];

    /// <summary>Bad path and query values; the body (if any) has every field present.</summary>
    public static IReadOnlyList<MalformedRequest> ParameterKinds { get; } =
    [
        Parameter("parameter: wrong type", p => p.Type is "string" && p.Format is null ? "%7B%7D" : "not-a-" + p.Type),
        // In a path, %00 is answered 400 by Kestrel before the Api sees it, while the in-memory test
        // server throws; a path parameter gets another control character instead.
        Parameter("parameter: NUL", p => p.In == "path" ? "a%01b" : "a%00b"),
        Parameter("parameter: right-to-left override", _ => "%E2%80%AEgpj.exe"),
        Parameter("parameter: invalid UTF-8 (a lone surrogate)", _ => "%ED%A0%80"),
        Parameter("parameter: fullwidth digits", _ => "%EF%BC%91%EF%BC%92%EF%BC%93"),
        Parameter("parameter: 2 KB", _ => new string('a', 2048)),
    ];

    public override string ToString() => Name;

    private static MalformedRequest OfBody(string name, Func<ApiOperation, string> body) => new(name, WellFormedUrl, body);

    private static MalformedRequest Parameter(string name, Func<ApiParameter, string> value) =>
        new(name, op => op.Url(value), op => op.HasBody ? Fields(op, _ => "\"x\"") : null);

    private static string WellFormedUrl(ApiOperation operation) => operation.Url(ApiOperation.PlausibleValue);

    private static string FirstField(ApiOperation operation) => operation.BodyProperties!.Keys.FirstOrDefault() ?? "field";

    /// <summary>A JSON object with every documented field set to the given JSON text (written by hand: lone surrogates stay escaped).</summary>
    private static string Fields(ApiOperation operation, Func<string, string> jsonFor)
    {
        var fields = operation.BodyProperties!.Count > 0 ? operation.BodyProperties : new Dictionary<string, string> { ["field"] = "string" };
        return "{" + string.Join(",", fields.Select(field => $"\"{field.Key}\":{jsonFor(field.Value)}")) + "}";
    }

    private static string Quoted(string text) => System.Text.Json.JsonSerializer.Serialize(text, new System.Text.Json.JsonSerializerOptions
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
