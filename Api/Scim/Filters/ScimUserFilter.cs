using System.Linq.Expressions;
using System.Text.Json.Nodes;
using Api.Portal;
using Api.Shared;

namespace Api.Scim.Filters;

/// <summary>
/// A SCIM filter on Users as a query on end users. What identity providers send is supported:
/// <c>eq</c> on userName, emails (its value, by type work or primary), externalId, id, displayName
/// and active, joined by and / or with parentheses. Anything else is refused with a sentence
/// (400 invalidFilter) rather than answered wrongly. userName and e-mails compare
/// case-insensitively (RFC 7643: caseExact false) by comparing the stored canonical address.
/// </summary>
public static class ScimUserFilter
{
    public const string Supported = "We can filter users with eq on userName, emails.value (or emails[type eq \"work\"].value), externalId, id, displayName and active, joined by and / or.";

    private static readonly ParameterExpression User = Expression.Parameter(typeof(EndUser), "u");

    /// <summary>The predicate, or throws <see cref="ScimFilterException"/> with a sentence.</summary>
    public static Expression<Func<EndUser, bool>> Parse(string filter) =>
        Expression.Lambda<Func<EndUser, bool>>(Translate(ScimFilterParser.ParseFilter(filter), inEmail: false), User);

    private static Expression Translate(ScimFilter filter, bool inEmail) => filter switch
    {
        ScimAnd and => Expression.AndAlso(Translate(and.Left, inEmail), Translate(and.Right, inEmail)),
        ScimOr or => Expression.OrElse(Translate(or.Left, inEmail), Translate(or.Right, inEmail)),
        ScimValuePath { Attribute: var a } vp when !inEmail && a.Equals("emails", StringComparison.OrdinalIgnoreCase) => Translate(vp.Filter, inEmail: true),
        ScimComparison c => Compare(c, inEmail),
        _ => throw new ScimFilterException(Supported),
    };

    private static Expression Compare(ScimComparison c, bool inEmail)
    {
        if (c.Operator != "eq")
        {
            throw new ScimFilterException($"The operator \"{c.Operator}\" is not supported. {Supported}");
        }

        var path = c.Path;
        if (inEmail)
        {
            // Inside emails[…]: the user's one e-mail is of type work, primary.
            return path switch
            {
                _ when path.Is("value") => EmailEquals(c.Value),
                _ when path.Is("type") => Constant(Text(c.Value).Equals("work", StringComparison.OrdinalIgnoreCase)),
                _ when path.Is("primary") => Constant(Flag(c.Value)),
                _ => throw new ScimFilterException(Supported),
            };
        }

        if (path.Is("emails") && path.ValueFilter is null && path.SubAttribute is null)
        {
            return EmailEquals(c.Value);
        }

        if (path.Is("emails", "value"))
        {
            return path.ValueFilter is null
                ? EmailEquals(c.Value)
                : Expression.AndAlso(Translate(path.ValueFilter, inEmail: true), EmailEquals(c.Value));
        }

        if (path.ValueFilter is not null)
        {
            throw new ScimFilterException(Supported);
        }

        if (path.Is("userName"))
        {
            return EmailEquals(c.Value);
        }

        if (path.Is("externalId"))
        {
            var externalId = Text(c.Value);
            return Expression.Equal(Expression.Property(User, nameof(EndUser.ExternalId)), Captured<string?>(externalId));
        }

        if (path.Is("displayName"))
        {
            var name = Text(c.Value);
            return Expression.Equal(Expression.Property(User, nameof(EndUser.DisplayName)), Captured(name));
        }

        if (path.Is("id"))
        {
            return Guid.TryParse(Text(c.Value), out var id)
                ? Expression.Equal(Expression.Property(User, nameof(EndUser.Id)), Captured(id))
                : Constant(false);
        }

        if (path.Is("active"))
        {
            var active = Flag(c.Value);
            return Expression.Equal(Expression.Property(User, nameof(EndUser.Enabled)), Captured(active));
        }

        throw new ScimFilterException($"\"{path}\" cannot be filtered on. {Supported}");
    }

    /// <summary>Addresses are stored canonical (trimmed, lower case): the filter's value is made so too.</summary>
    private static Expression EmailEquals(JsonValue? value)
    {
        var email = InputRules.NormalizeEmail(Text(value));
        return email is null
            ? Constant(false)
            : Expression.Equal(Expression.Property(User, nameof(EndUser.Email)), Captured(email));
    }

    private static string Text(JsonValue? value) =>
        value is not null && value.TryGetValue<string>(out var text) ? text : throw new ScimFilterException("Compare this attribute with a string in double quotes.");

    private static bool Flag(JsonValue? value) =>
        value is not null && value.TryGetValue<bool>(out var flag) ? flag : throw new ScimFilterException("Compare this attribute with true or false.");

    private static ConstantExpression Constant(bool value) => Expression.Constant(value);

    /// <summary>A value read from a closure, so EF sends it as a SQL parameter and reuses one plan for every value.</summary>
    private static Expression Captured<T>(T value)
    {
        Expression<Func<T>> read = () => value;
        return read.Body;
    }
}
