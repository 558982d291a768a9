using Api.Admin.EndUsers;
using Api.Admin.Staff;
using Api.Shared.Transactions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Scim.Users;

/// <summary>DELETE /Users/{id}: Manage Users' Delete (portal access ends, sessions end, an SSO account the partner manages goes unless another product needs it). 204; If-Match must name the current version when given.</summary>
public static class DeleteScimUser
{
    public static async Task<ScimResult> HandleAsync(
        Guid? clientId, Guid id, HttpRequest request, StaffMember caller, [AsParameters] EndUserServices s, CancellationToken cancellationToken)
    {
        await using var transaction = await SharedTransaction.BeginAsync(s.Db, cancellationToken);
        var facts = await ScimUserReader.FindAsync(caller, s.Db, clientId, id, cancellationToken);
        if (facts is null)
        {
            return ScimErrors.UserNotFound();
        }

        if (ScimPreconditions.IfMatchFails(request, ScimUserResource.VersionOf(ScimUserResource.Attributes(facts))))
        {
            return ScimErrors.VersionMismatch();
        }

        if ((await DeleteEndUser.HandleAsync(id, caller, s, cancellationToken)).Result is not NoContent)
        {
            return ScimErrors.UserNotFound();
        }

        await transaction.CommitAsync(cancellationToken);
        return ScimResult.NoContent();
    }
}
