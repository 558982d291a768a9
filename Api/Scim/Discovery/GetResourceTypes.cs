using System.Text.Json.Nodes;

namespace Api.Scim.Discovery;

/// <summary>GET /ResourceTypes (RFC 7643 §6): Users only, with the enterprise and portal extensions.</summary>
public static class GetResourceTypes
{
    public static ScimResult Handle(IConfiguration configuration)
    {
        var user = User(ScimApi.BaseUrl(configuration));
        return ScimResult.Ok(new JsonObject
        {
            ["schemas"] = new JsonArray(ScimSchemas.ListResponse),
            ["totalResults"] = 1,
            ["startIndex"] = 1,
            ["itemsPerPage"] = 1,
            ["Resources"] = new JsonArray(user),
        });
    }

    public static ScimResult HandleOne(string name, IConfiguration configuration) =>
        name.Equals("User", StringComparison.OrdinalIgnoreCase)
            ? ScimResult.Ok(User(ScimApi.BaseUrl(configuration)))
            : ScimErrors.Error(StatusCodes.Status404NotFound, null, $"There is no resource type \"{name}\": this service provisions Users only.");

    private static JsonObject User(string baseUrl) => new()
    {
        ["schemas"] = new JsonArray(ScimSchemas.ResourceType),
        ["id"] = "User",
        ["name"] = "User",
        ["endpoint"] = "/Users",
        ["description"] = "An end user of one of your clients (customer companies).",
        ["schema"] = ScimSchemas.User,
        ["schemaExtensions"] = new JsonArray(
            new JsonObject { ["schema"] = ScimSchemas.EnterpriseUser, ["required"] = false },
            new JsonObject { ["schema"] = ScimSchemas.PortalUser, ["required"] = false }),
        ["meta"] = new JsonObject { ["resourceType"] = "ResourceType", ["location"] = baseUrl + "/ResourceTypes/User" },
    };
}
