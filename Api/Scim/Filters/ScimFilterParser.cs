using System.Text.Json;
using System.Text.Json.Nodes;

namespace Api.Scim.Filters;

/// <summary>
/// Reads SCIM filters and attribute paths (RFC 7644 §3.4.2.2, §3.5.2): a small recursive-descent
/// parser over the grammar's tokens. Operators and keywords are case-insensitive; strings are JSON
/// strings; "not" and the ordering operators are read but refused by the user filter, which says so.
/// </summary>
public sealed class ScimFilterParser
{
    private static readonly HashSet<string> Operators = new(StringComparer.OrdinalIgnoreCase) { "eq", "ne", "co", "sw", "ew", "gt", "lt", "ge", "le", "pr" };
    private readonly string text;
    private int position;

    private ScimFilterParser(string text) => this.text = text;

    public static ScimFilter ParseFilter(string text)
    {
        var parser = new ScimFilterParser(text);
        var filter = parser.Or();
        parser.SkipSpaces();
        if (parser.position < text.Length)
        {
            throw new ScimFilterException($"The filter has something we could not read at \"{text[parser.position..]}\".");
        }

        return filter;
    }

    /// <summary>A PATCH operation's path: an attribute path, possibly with a value filter.</summary>
    public static ScimPath ParsePath(string text)
    {
        var parser = new ScimFilterParser(text);
        var path = parser.Path();
        parser.SkipSpaces();
        if (parser.position < text.Length)
        {
            throw new ScimFilterException($"The path \"{text}\" has something we could not read at \"{text[parser.position..]}\".");
        }

        return path;
    }

    private ScimFilter Or()
    {
        var left = And();
        while (TryKeyword("or"))
        {
            left = new ScimOr(left, And());
        }

        return left;
    }

    private ScimFilter And()
    {
        var left = Unary();
        while (TryKeyword("and"))
        {
            left = new ScimAnd(left, Unary());
        }

        return left;
    }

    private ScimFilter Unary()
    {
        SkipSpaces();
        if (TryKeyword("not"))
        {
            throw new ScimFilterException("\"not\" is not supported in filters; use eq with and / or.");
        }

        if (TryChar('('))
        {
            var inner = Or();
            Expect(')');
            return inner;
        }

        var path = Path();
        if (path.ValueFilter is not null && path.SubAttribute is null && !PeekWord())
        {
            return new ScimValuePath(path.Attribute, path.ValueFilter);
        }

        var op = Word();
        if (!Operators.Contains(op))
        {
            throw new ScimFilterException($"\"{op}\" is not a filter operator (after {path}).");
        }

        return new ScimComparison(path, op.ToLowerInvariant(), op.Equals("pr", StringComparison.OrdinalIgnoreCase) ? null : Value());
    }

    private ScimPath Path()
    {
        SkipSpaces();
        var name = Word();
        if (name.Length == 0)
        {
            throw new ScimFilterException("An attribute name was expected.");
        }

        string? schema = null;
        var colon = name.LastIndexOf(':');
        if (colon >= 0)
        {
            schema = name[..colon];
            name = name[(colon + 1)..];
        }

        var dot = name.IndexOf('.');
        string? sub = null;
        if (dot >= 0)
        {
            sub = name[(dot + 1)..];
            name = name[..dot];
        }

        ScimFilter? valueFilter = null;
        if (sub is null && position < text.Length && text[position] == '[')
        {
            position++;
            valueFilter = Or();
            Expect(']');
            if (position < text.Length && text[position] == '.')
            {
                position++;
                sub = Word();
            }
        }

        return new ScimPath(schema, name, valueFilter, string.IsNullOrEmpty(sub) ? null : sub);
    }

    private JsonValue? Value()
    {
        SkipSpaces();
        if (position < text.Length && text[position] == '"')
        {
            var end = position + 1;
            while (end < text.Length && text[end] != '"')
            {
                end += text[end] == '\\' ? 2 : 1;
            }

            if (end >= text.Length)
            {
                throw new ScimFilterException("A string in the filter has no closing quote.");
            }

            var literal = text[position..(end + 1)];
            position = end + 1;
            try
            {
                return JsonValue.Create(JsonSerializer.Deserialize<string>(literal));
            }
            catch (JsonException)
            {
                throw new ScimFilterException($"{literal} is not a valid string.");
            }
        }

        var word = Word();
        return word.ToLowerInvariant() switch
        {
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            "null" => null,
            _ when decimal.TryParse(word, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
            _ => throw new ScimFilterException($"\"{word}\" is not a value: put strings in double quotes."),
        };
    }

    private string Word()
    {
        SkipSpaces();
        var start = position;
        while (position < text.Length && (char.IsLetterOrDigit(text[position]) || text[position] is ':' or '.' or '_' or '-' or '$' or '+'))
        {
            position++;
        }

        return text[start..position];
    }

    private bool PeekWord()
    {
        SkipSpaces();
        return position < text.Length && char.IsLetter(text[position]) && !LooksLike("and") && !LooksLike("or");
    }

    private bool TryKeyword(string keyword)
    {
        SkipSpaces();
        if (!LooksLike(keyword))
        {
            return false;
        }

        position += keyword.Length;
        return true;
    }

    private bool LooksLike(string keyword) =>
        string.Compare(text, position, keyword, 0, keyword.Length, StringComparison.OrdinalIgnoreCase) == 0
        && (position + keyword.Length == text.Length || !char.IsLetterOrDigit(text[position + keyword.Length]));

    private bool TryChar(char c)
    {
        SkipSpaces();
        if (position < text.Length && text[position] == c)
        {
            position++;
            return true;
        }

        return false;
    }

    private void Expect(char c)
    {
        if (!TryChar(c))
        {
            throw new ScimFilterException($"\"{c}\" was expected at position {position + 1} of the filter.");
        }
    }

    private void SkipSpaces()
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }
    }
}
