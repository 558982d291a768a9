using System.Text.Json.Nodes;

namespace Api.Scim.Filters;

/// <summary>A parsed SCIM filter (RFC 7644 §3.4.2.2): comparisons joined by and / or.</summary>
public abstract record ScimFilter;

/// <summary>
/// <c>attr op value</c>. <see cref="Path"/> may name a sub-attribute of a multi-valued attribute
/// through a value filter, as Microsoft Entra ID writes it: <c>emails[type eq "work"].value eq "…"</c>.
/// </summary>
public sealed record ScimComparison(ScimPath Path, string Operator, JsonValue? Value) : ScimFilter;

/// <summary><c>emails[type eq "work" and value eq "…"]</c>: some value of a multi-valued attribute matches.</summary>
public sealed record ScimValuePath(string Attribute, ScimFilter Filter) : ScimFilter;

public sealed record ScimAnd(ScimFilter Left, ScimFilter Right) : ScimFilter;

public sealed record ScimOr(ScimFilter Left, ScimFilter Right) : ScimFilter;

/// <summary>
/// An attribute path: an optional schema URN, an attribute, an optional value filter (for a
/// multi-valued attribute) and an optional sub-attribute, e.g. <c>name.givenName</c>,
/// <c>emails[type eq "work"].value</c>, <c>urn:…:enterprise:2.0:User:organization</c>.
/// </summary>
public sealed record ScimPath(string? Schema, string Attribute, ScimFilter? ValueFilter, string? SubAttribute)
{
    /// <summary>The path without the core User schema's URN, which changes nothing (RFC 7644 §3.10).</summary>
    public bool IsCore => Schema is null || Schema.Equals(ScimSchemas.User, StringComparison.OrdinalIgnoreCase);

    public bool Is(string attribute, string? sub = null) =>
        IsCore && Attribute.Equals(attribute, StringComparison.OrdinalIgnoreCase)
        && (sub is null ? SubAttribute is null : sub.Equals(SubAttribute, StringComparison.OrdinalIgnoreCase));

    public override string ToString() =>
        (Schema is null ? "" : Schema + ":") + Attribute + (ValueFilter is null ? "" : "[…]") + (SubAttribute is null ? "" : "." + SubAttribute);
}

/// <summary>Why a filter or path could not be read, as a sentence.</summary>
public sealed class ScimFilterException(string message) : Exception(message);
