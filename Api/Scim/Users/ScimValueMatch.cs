using System.Text.Json.Nodes;
using Api.Scim.Filters;

namespace Api.Scim.Users;

/// <summary>
/// A PATCH path's value filter (<c>emails[type eq "work"]</c>) on the values of a multi-valued
/// attribute: eq on their sub-attributes, with and / or. Strings compare case-insensitively, as
/// the types and addresses they hold do.
/// </summary>
public static class ScimValueMatch
{
    public static bool Matches(JsonObject value, ScimFilter filter) => filter switch
    {
        ScimAnd and => Matches(value, and.Left) && Matches(value, and.Right),
        ScimOr or => Matches(value, or.Left) || Matches(value, or.Right),
        ScimComparison { Operator: "eq", Path: { ValueFilter: null, SubAttribute: null } path, Value: var expected } =>
            Same(value.Member(path.Attribute), expected),
        _ => throw new ScimFilterException("A path's filter may only compare the values' attributes with eq, and / or."),
    };

    /// <summary>The value a filter describes (<c>type eq "work"</c> → <c>{"type":"work"}</c>), for an add that matched none.</summary>
    public static JsonObject ValueFor(ScimFilter filter)
    {
        var created = ScimRequest.NewObject();
        void Collect(ScimFilter f)
        {
            switch (f)
            {
                case ScimAnd and:
                    Collect(and.Left);
                    Collect(and.Right);
                    break;
                case ScimComparison { Operator: "eq", Path.SubAttribute: null } c:
                    created[c.Path.Attribute] = c.Value?.DeepClone();
                    break;
            }
        }

        Collect(filter);
        return created;
    }

    private static bool Same(JsonNode? actual, JsonValue? expected)
    {
        if (actual is not JsonValue a || expected is null)
        {
            return actual is null && expected is null;
        }

        if (a.TryGetValue<string>(out var text) && expected.TryGetValue<string>(out var wanted))
        {
            return string.Equals(text, wanted, StringComparison.OrdinalIgnoreCase);
        }

        return ScimRequest.Boolean(a, out _) is { } flag && ScimRequest.Boolean(expected, out _) == flag;
    }
}
