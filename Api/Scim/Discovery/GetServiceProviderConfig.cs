using System.Text.Json.Nodes;
using Api.Scim.Users;
using Api.Shared;

namespace Api.Scim.Discovery;

/// <summary>GET /ServiceProviderConfig (RFC 7643 §5): what this service does, so a client need not guess.</summary>
public static class GetServiceProviderConfig
{
    public static ScimResult Handle(IConfiguration configuration) => ScimResult.Ok(new JsonObject
    {
        ["schemas"] = new JsonArray(ScimSchemas.ServiceProviderConfig),
        ["documentationUri"] = PublicOrigin.Of(configuration),
        ["patch"] = new JsonObject { ["supported"] = true },
        ["bulk"] = new JsonObject { ["supported"] = false, ["maxOperations"] = 0, ["maxPayloadSize"] = 0 },
        ["filter"] = new JsonObject { ["supported"] = true, ["maxResults"] = ListScimUsers.MaxCount },
        ["changePassword"] = new JsonObject { ["supported"] = false },
        ["sort"] = new JsonObject { ["supported"] = false },
        ["etag"] = new JsonObject { ["supported"] = true },
        ["authenticationSchemes"] = new JsonArray(new JsonObject
        {
            ["type"] = "oauthbearertoken",
            ["name"] = "OAuth Bearer Token",
            ["description"] = "An access token of an API client with the scim scope (client credentials), sent as Authorization: Bearer.",
            ["primary"] = true,
        }),
        ["meta"] = new JsonObject { ["resourceType"] = "ServiceProviderConfig", ["location"] = ScimApi.BaseUrl(configuration) + "/ServiceProviderConfig" },
    });
}
