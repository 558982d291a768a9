using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Api.Portal;
using Api.Shared;

namespace Api.Scim.Users;

/// <summary>
/// An end user as a SCIM User (RFC 7643 §4.1): userName and the one work e-mail are the address
/// the user signs in with; displayName and name.formatted are the user's name, split at its last
/// space into givenName and familyName (the portal keeps one name); active is "not disabled"; the
/// enterprise extension's organization is the client's name; the portal's extension holds the
/// client's id, the role, and read-only facts of the user's move to single sign-on.
/// </summary>
public static class ScimUserResource
{
    /// <summary>What one user's SCIM representation is made of.</summary>
    public sealed record Facts(EndUser User, string ClientName, DateTime LastModified);

    public static JsonObject ToJson(Facts facts, string baseUrl)
    {
        var resource = Attributes(facts);
        var version = VersionOf(resource);
        resource["meta"] = new JsonObject
        {
            ["resourceType"] = "User",
            ["created"] = IsoTime.Of(facts.User.CreatedAt),
            ["lastModified"] = IsoTime.Of(facts.LastModified > facts.User.CreatedAt ? facts.LastModified : facts.User.CreatedAt),
            ["location"] = LocationOf(baseUrl, facts.User.Id),
            ["version"] = version,
        };
        return resource;
    }

    /// <summary>Everything but meta: what PATCH works on and the version is taken from.</summary>
    public static JsonObject Attributes(Facts facts)
    {
        var user = facts.User;
        var (given, family) = SplitName(user.DisplayName);
        var resource = ScimRequest.NewObject();
        resource["schemas"] = new JsonArray(ScimSchemas.User, ScimSchemas.EnterpriseUser, ScimSchemas.PortalUser);
        resource["id"] = user.Id.ToString();
        if (user.ExternalId is not null)
        {
            resource["externalId"] = user.ExternalId;
        }

        resource["userName"] = user.Email;
        resource["name"] = new JsonObject(ScimRequest.CaseInsensitive) { ["formatted"] = user.DisplayName, ["givenName"] = given, ["familyName"] = family };
        resource["displayName"] = user.DisplayName;
        resource["emails"] = new JsonArray(new JsonObject(ScimRequest.CaseInsensitive) { ["value"] = user.Email, ["type"] = "work", ["primary"] = true });
        resource["active"] = user.Enabled;
        resource[ScimSchemas.EnterpriseUser] = new JsonObject(ScimRequest.CaseInsensitive) { ["organization"] = facts.ClientName };
        resource[ScimSchemas.PortalUser] = new JsonObject(ScimRequest.CaseInsensitive)
        {
            ["clientId"] = user.ClientId.ToString(),
            ["role"] = user.Role,
            ["migratedToSso"] = user.MigratedToSso,
            ["awaitingAccountOwner"] = user.AwaitsAccountOwner,
        };
        return resource;
    }

    /// <summary>
    /// The resource's version (RFC 7644 §3.14): a weak ETag over its attributes, so any change a
    /// client could see, whoever made it (Manage Users, a migration, SCIM), gives a new version.
    /// </summary>
    public static string VersionOf(JsonObject attributes)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(attributes.ToJsonString()));
        return $"W/\"{Convert.ToHexStringLower(hash.AsSpan(0, 12))}\"";
    }

    public static string LocationOf(string baseUrl, Guid id) => $"{baseUrl}/Users/{id}";

    /// <summary>"Ada King Lovelace" → ("Ada King", "Lovelace"); a single word is the given name.</summary>
    public static (string Given, string Family) SplitName(string name)
    {
        var last = name.LastIndexOf(' ');
        return last <= 0 ? (name, "") : (name[..last].TrimEnd(), name[(last + 1)..]);
    }

    public static string JoinName(string? given, string? family) =>
        string.Join(' ', new[] { given?.Trim(), family?.Trim() }.Where(p => !string.IsNullOrEmpty(p)));
}
