using System.Text.Json.Nodes;
using Api.Scim.Filters;

namespace Api.Scim.Users;

/// <summary>
/// Applies a PatchOp (RFC 7644 §3.5.2) to a user's SCIM representation: add, replace and remove,
/// with a path (<c>active</c>, <c>name.givenName</c>, <c>emails[type eq "work"].value</c>, an
/// extension's <c>urn:…:organization</c>) or without one (the value's members, whose names may
/// themselves be paths, as Microsoft Entra ID sends them). Op names are case-insensitive ("Replace").
/// The result is then read like a PUT's body (<see cref="ScimUserInput"/>), so a PATCH changes the
/// user through the same lifecycle as a replace.
/// </summary>
public static class ScimPatch
{
    private static readonly string[] ReadOnly = ["id", "meta", "schemas"];

    /// <summary>Null when every operation applied; else the error for the first that could not.</summary>
    public static ScimResult? Apply(JsonObject resource, JsonObject body)
    {
        if (body.Member("Operations") is not JsonArray operations || operations.Count == 0)
        {
            return ScimErrors.InvalidSyntax($"A PATCH body is a {ScimSchemas.PatchOp} message with a non-empty Operations list.");
        }

        foreach (var operation in operations)
        {
            // Op names are case-insensitive: Entra ID sends "Replace" and "Add".
            var kind = (operation as JsonObject)?.StringMember("op")?.ToLowerInvariant();
            if (operation is not JsonObject op || kind is not ("add" or "replace" or "remove"))
            {
                return ScimErrors.InvalidSyntax("Each operation's op must be add, replace or remove.");
            }

            var value = op.Member("value");
            try
            {
                var error = op.StringMember("path") is { } path
                    ? ApplyAt(resource, kind, ScimFilterParser.ParsePath(path), value)
                    : ApplyWithoutPath(resource, kind, value);
                if (error is not null)
                {
                    return error;
                }
            }
            catch (ScimFilterException e)
            {
                return ScimErrors.InvalidPath(e.Message);
            }
        }

        return null;
    }

    private static ScimResult? ApplyWithoutPath(JsonObject resource, string kind, JsonNode? value)
    {
        if (kind == "remove" || value is not JsonObject members)
        {
            return ScimErrors.InvalidSyntax(kind == "remove" ? "A remove operation needs a path." : "Without a path, the value must be an object of attributes.");
        }

        foreach (var (key, member) in members.ToList())
        {
            // An extension's object is merged member by member; anything else is a path.
            var error = member is JsonObject extension && key.StartsWith("urn:", StringComparison.OrdinalIgnoreCase) && !key.Contains('.')
                ? extension.ToList().Select(m => ApplyAt(resource, kind, new ScimPath(key, m.Key, null, null), m.Value)).FirstOrDefault(e => e is not null)
                : ApplyAt(resource, kind, ScimFilterParser.ParsePath(key), member);
            if (error is not null)
            {
                return error;
            }
        }

        return null;
    }

    private static ScimResult? ApplyAt(JsonObject resource, string kind, ScimPath path, JsonNode? value)
    {
        if (path.IsCore && ReadOnly.Contains(path.Attribute, StringComparer.OrdinalIgnoreCase))
        {
            return ScimErrors.Mutability($"{path.Attribute} cannot be changed.");
        }

        if (kind != "remove" && value is null)
        {
            return ScimErrors.InvalidValue($"The {kind} of {path} needs a value.");
        }

        var container = path.IsCore ? resource : Extension(resource, path.Schema!, create: kind != "remove");
        if (container is null)
        {
            return null;
        }

        if (path.ValueFilter is not null)
        {
            return ApplyToValues(container, kind, path, value);
        }

        if (path.SubAttribute is null)
        {
            if (kind == "remove")
            {
                container.Remove(path.Attribute);
            }
            else if (kind == "add" && container.Member(path.Attribute) is JsonArray existing && value is JsonArray added)
            {
                foreach (var item in added)
                {
                    existing.Add(item?.DeepClone());
                }
            }
            else
            {
                container[path.Attribute] = value!.DeepClone();
            }

            return null;
        }

        // attr.sub: on a complex attribute, or on every value of a multi-valued one (emails.value).
        var parent = container.Member(path.Attribute);
        var targets = parent is JsonArray values ? values.OfType<JsonObject>().ToList() : [];
        if (parent is JsonObject single)
        {
            targets.Add(single);
        }
        else if (parent is null && kind != "remove")
        {
            var created = ScimRequest.NewObject();
            container[path.Attribute] = created;
            targets.Add(created);
        }

        foreach (var target in targets)
        {
            Set(target, kind, path.SubAttribute, value);
        }

        return null;
    }

    /// <summary>emails[type eq "work"](.value): the matching values; none matching, add and replace make one.</summary>
    private static ScimResult? ApplyToValues(JsonObject container, string kind, ScimPath path, JsonNode? value)
    {
        var values = container.Member(path.Attribute) as JsonArray;
        var matches = values?.OfType<JsonObject>().Where(v => ScimValueMatch.Matches(v, path.ValueFilter!)).ToList() ?? [];
        if (matches.Count == 0)
        {
            if (kind == "remove")
            {
                return ScimErrors.NoTarget($"No value of {path.Attribute} matches the path's filter.");
            }

            var created = ScimValueMatch.ValueFor(path.ValueFilter!);
            if (values is null)
            {
                values = [];
                container[path.Attribute] = values;
            }

            values.Add(created);
            matches.Add(created);
        }

        foreach (var match in matches)
        {
            if (path.SubAttribute is not null)
            {
                Set(match, kind, path.SubAttribute, value);
            }
            else if (kind == "remove")
            {
                values!.Remove(match);
            }
            else if (value is JsonObject replacement)
            {
                foreach (var (key, member) in replacement.ToList())
                {
                    match[key] = member?.DeepClone();
                }
            }
        }

        return null;
    }

    private static void Set(JsonObject target, string kind, string attribute, JsonNode? value)
    {
        if (kind == "remove")
        {
            target.Remove(attribute);
        }
        else
        {
            target[attribute] = value?.DeepClone();
        }
    }

    private static JsonObject? Extension(JsonObject resource, string schema, bool create)
    {
        if (resource.Member(schema) is JsonObject extension)
        {
            return extension;
        }

        if (!create)
        {
            return null;
        }

        var created = ScimRequest.NewObject();
        resource[schema] = created;
        return created;
    }
}
