using Api.Admin.EndUsers;
using Api.Admin.Staff;
using Api.Data;
using Api.Portal;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Api.Scim.Users;

/// <summary>
/// Makes an end user what a PUT or PATCH asks, through Manage Users' own actions and nothing else:
/// Edit (name, e-mail with its ownership rules, role, client, externalId), then Disable or Enable
/// for active. Each writes its own audit entry; the caller's transaction holds them all.
/// </summary>
public static class ScimUserUpdate
{
    public static async Task<ScimResult?> ApplyAsync(
        StaffMember caller, EndUserServices s, ScimUserResource.Facts current, ScimUserInput input, Client client, CancellationToken cancellationToken)
    {
        var user = current.User;
        var externalId = input.ExternalId == user.ExternalId ? null : new ExternalIdChange(input.ExternalId);
        if (input.ExternalId is { } wanted && externalId is not null && await ExternalIdTakenAsync(caller, s.Db, wanted, user.Id, cancellationToken))
        {
            return ExternalIdTaken(wanted);
        }

        var edited = await EditEndUser.ApplyAsync(
            user.Id, new EditEndUserRequest(input.Name, input.Email, input.Role, client.Id), externalId, caller, s, cancellationToken);
        if (edited.Result is not NoContent)
        {
            return ScimErrors.From(edited.Result);
        }

        if (input.Active != user.Enabled)
        {
            var found = input.Active
                ? (await EnableEndUser.HandleAsync(user.Id, caller, s, cancellationToken)).Result is NoContent
                : await DisableEndUser.ApplyAsync(user.Id, caller, s, cancellationToken);
            if (!found)
            {
                return ScimErrors.UserNotFound();
            }
        }

        return null;
    }

    /// <summary>Another of the partner's users already has this externalId (the identity provider's id is one person).</summary>
    public static Task<bool> ExternalIdTakenAsync(StaffMember caller, AppDbContext db, string externalId, Guid? exceptId, CancellationToken cancellationToken) =>
        caller.Scope(db.EndUsers).AnyAsync(u => u.ExternalId == externalId && u.Id != exceptId, cancellationToken);

    public static ScimResult ExternalIdTaken(string externalId) =>
        ScimErrors.Uniqueness($"Another user already has the externalId \"{externalId}\". Find it with filter=externalId eq \"{externalId}\" and update it instead.");
}
