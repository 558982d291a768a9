using Api.Admin.EndUsers;
using Api.Admin.Staff;

namespace Api.Scim.Users;

/// <summary>PATCH /Users/{id}: the operations (<see cref="ScimPatch"/>) applied to the user's current representation, then made so like a PUT.</summary>
public static class PatchScimUser
{
    public static Task<ScimResult> HandleAsync(
        Guid? clientId, Guid id, HttpRequest request, StaffMember caller, [AsParameters] EndUserServices s, IConfiguration configuration, CancellationToken cancellationToken) =>
        ScimUserWrite.RunAsync(clientId, id, request, caller, s, configuration, patch: true, cancellationToken);
}
