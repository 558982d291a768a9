using Api.Admin.Staff;
using Api.Data;

namespace Api.Scim.Users;

/// <summary>GET /Users/{id}: one of the partner's users, with its version as ETag; If-None-Match with that version answers 304.</summary>
public static class GetScimUser
{
    public static async Task<ScimResult> HandleAsync(
        Guid? clientId, Guid id, HttpRequest request, StaffMember caller, AppDbContext db, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var facts = await ScimUserReader.FindAsync(caller, db, clientId, id, cancellationToken);
        if (facts is null)
        {
            return ScimErrors.UserNotFound();
        }

        var resource = ScimUserResource.ToJson(facts, ScimApi.BaseUrl(configuration));
        var version = (string)resource["meta"]!["version"]!;
        return ScimPreconditions.IfNoneMatchHits(request, version)
            ? ScimResult.NotModified(version)
            : ScimResult.Ok(resource, version, (string?)resource["meta"]!["location"]);
    }
}
