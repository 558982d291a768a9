using Api.Admin.EndUsers;
using Api.Admin.Staff;

namespace Api.Scim.Users;

/// <summary>PUT /Users/{id}: the user becomes the body (RFC 7644 §3.5.1); an attribute left out is cleared where the portal can clear it (externalId), kept where it cannot (the name, the address).</summary>
public static class ReplaceScimUser
{
    public static Task<ScimResult> HandleAsync(
        Guid? clientId, Guid id, HttpRequest request, StaffMember caller, [AsParameters] EndUserServices s, IConfiguration configuration, CancellationToken cancellationToken) =>
        ScimUserWrite.RunAsync(clientId, id, request, caller, s, configuration, patch: false, cancellationToken);
}
