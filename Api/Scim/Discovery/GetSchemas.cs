using System.Text.Json.Nodes;

namespace Api.Scim.Discovery;

/// <summary>
/// GET /Schemas (RFC 7643 §7): the User attributes this service keeps, the enterprise extension's
/// organization (the client's name) and the portal's extension. Attributes not listed are ignored.
/// </summary>
public static class GetSchemas
{
    public static ScimResult Handle(IConfiguration configuration)
    {
        var all = All(ScimApi.BaseUrl(configuration));
        return ScimResult.Ok(new JsonObject
        {
            ["schemas"] = new JsonArray(ScimSchemas.ListResponse),
            ["totalResults"] = all.Count,
            ["startIndex"] = 1,
            ["itemsPerPage"] = all.Count,
            ["Resources"] = new JsonArray([.. all]),
        });
    }

    public static ScimResult HandleOne(string id, IConfiguration configuration) =>
        All(ScimApi.BaseUrl(configuration)).FirstOrDefault(s => string.Equals((string?)s["id"], id, StringComparison.OrdinalIgnoreCase)) is { } schema
            ? ScimResult.Ok(schema)
            : ScimErrors.Error(StatusCodes.Status404NotFound, null, $"There is no schema \"{id}\".");

    private static List<JsonNode> All(string baseUrl) =>
    [
        Schema(baseUrl, ScimSchemas.User, "User", "An end user of one of your clients.",
            Attribute("userName", "The e-mail address the user signs in with; unique.", required: true, uniqueness: "server"),
            Attribute("externalId", "Your identity provider's id for the user.", caseExact: true),
            Complex("name", multiValued: false, "The user's name (the portal keeps one: formatted; givenName and familyName are it split at the last space).",
                Attribute("formatted", "The full name."), Attribute("givenName", "Given name."), Attribute("familyName", "Family name.")),
            Attribute("displayName", "The name shown in the portal."),
            Complex("emails", multiValued: true, "The user's one e-mail address (type work, primary); the same as userName.",
                Attribute("value", "The address."), Attribute("type", "work."), Attribute("primary", "true.", type: "boolean")),
            Attribute("active", "False: the user is disabled and cannot sign in.", type: "boolean")),
        Schema(baseUrl, ScimSchemas.EnterpriseUser, "EnterpriseUser", "The enterprise extension.",
            Attribute("organization", "The name of the client (your customer company) the user works for.")),
        Schema(baseUrl, ScimSchemas.PortalUser, "PortalUser", "The End User Portal's extension.",
            Attribute("clientId", "The id of the client the user works for (instead of organization).", caseExact: true),
            Attribute("role", "End User, or Client Manager (sees the whole client's tickets and devices)."),
            Attribute("migratedToSso", "The user signs in with single sign-on.", type: "boolean", mutability: "readOnly"),
            Attribute("awaitingAccountOwner", "The address belongs to someone else's single sign-on account, whose owner was asked to accept.", type: "boolean", mutability: "readOnly")),
    ];

    private static JsonObject Schema(string baseUrl, string id, string name, string description, params JsonObject[] attributes) => new()
    {
        ["schemas"] = new JsonArray(ScimSchemas.Schema),
        ["id"] = id,
        ["name"] = name,
        ["description"] = description,
        ["attributes"] = new JsonArray([.. attributes]),
        ["meta"] = new JsonObject { ["resourceType"] = "Schema", ["location"] = $"{baseUrl}/Schemas/{id}" },
    };

    private static JsonObject Attribute(
        string name, string description, string type = "string", bool required = false, bool caseExact = false, string mutability = "readWrite", string uniqueness = "none") => new()
    {
        ["name"] = name,
        ["type"] = type,
        ["multiValued"] = false,
        ["description"] = description,
        ["required"] = required,
        ["caseExact"] = caseExact,
        ["mutability"] = mutability,
        ["returned"] = "default",
        ["uniqueness"] = uniqueness,
    };

    private static JsonObject Complex(string name, bool multiValued, string description, params JsonObject[] subAttributes)
    {
        var complex = Attribute(name, description, type: "complex");
        complex["multiValued"] = multiValued;
        complex["subAttributes"] = new JsonArray([.. subAttributes]);
        return complex;
    }
}
