using Api.Portal;
using Api.Scim.Filters;

namespace Api.Tests.Scim;

/// <summary>
/// The filter grammar's corners (RFC 7644 §3.4.2.2) on in-memory users: escaped quotes, nested
/// parentheses, precedence of and over or, case-insensitive operators; and a sentence, never an
/// exception, for what cannot be read.
/// </summary>
public sealed class ScimFilterParserTests
{
    private static readonly EndUser[] Users =
    [
        new() { Email = "a@example.com", DisplayName = "Say \"hi\"", Enabled = true, ExternalId = "x1" },
        new() { Email = "b@example.com", DisplayName = "Bee", Enabled = false, ExternalId = "x2" },
        new() { Email = "c@example.com", DisplayName = "Sea", Enabled = true },
    ];

    [Theory]
    [InlineData("displayName eq \"Say \\\"hi\\\"\"", "0")]
    [InlineData("USERNAME EQ \"B@Example.COM\"", "1")]
    [InlineData("active eq true and externalId eq \"x1\" or userName eq \"b@example.com\"", "0,1")]
    [InlineData("active eq true and (externalId eq \"x2\" or userName eq \"c@example.com\")", "2")]
    [InlineData("((active eq false))", "1")]
    [InlineData("emails[type eq \"work\" and value eq \"c@example.com\"] or displayName eq \"Bee\"", "1,2")]
    [InlineData("emails[primary eq true].value eq \"b@example.com\"", "1")]
    [InlineData("id eq \"not-a-guid\"", "")]
    public void A_filter_selects_exactly_its_users(string filter, string expected)
    {
        var predicate = ScimUserFilter.Parse(filter).Compile();

        Assert.Equal(expected, string.Join(",", Users.Index().Where(u => predicate(u.Item)).Select(u => u.Index)));
    }

    [Theory]
    [InlineData("userName eq \"unclosed")]
    [InlineData("emails[type eq \"work\".value eq \"a@b.c\"")]
    [InlineData("(active eq true")]
    [InlineData("active eq true)")]
    [InlineData("active eq \"yes\"")]
    [InlineData("userName eq true")]
    [InlineData("userName")]
    [InlineData("")]
    [InlineData("userName eq \"a\" and")]
    public void What_cannot_be_read_is_refused_with_a_sentence(string filter)
    {
        var refused = Assert.Throws<ScimFilterException>(() => ScimUserFilter.Parse(filter));

        Assert.EndsWith(".", refused.Message);
    }
}
