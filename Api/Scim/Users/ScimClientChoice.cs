using Api.Admin.Staff;
using Api.Data;
using Api.Portal;
using Microsoft.EntityFrameworkCore;

namespace Api.Scim.Users;

/// <summary>
/// Which of the partner's clients (customer companies) a provisioned user works for: the path's
/// (<c>/scim/v2/Clients/{clientId}/Users</c>), else the portal extension's clientId, else the
/// enterprise extension's organization (the client's name), else the one the user has now, else the
/// partner's only client. On a change the attribute that differs from the user's client counts. A
/// client that is not the caller's answers 404, like one that does not exist.
/// </summary>
public static class ScimClientChoice
{
    public static async Task<(Client? Client, ScimResult? Error)> ResolveAsync(
        StaffMember caller, AppDbContext db, Guid? pathClientId, ScimUserInput input, ScimUserResource.Facts? current, CancellationToken cancellationToken)
    {
        var clients = caller.Scope(db.Clients);
        if (pathClientId is { } fromPath)
        {
            return Found(await clients.FirstOrDefaultAsync(c => c.Id == fromPath, cancellationToken));
        }

        if (input.ClientId is { } id && id != current?.User.ClientId)
        {
            return Found(await clients.FirstOrDefaultAsync(c => c.Id == id, cancellationToken));
        }

        if (input.Organization is { } name && name != current?.ClientName)
        {
            var named = await clients.Where(c => c.Name == name).Take(2).ToListAsync(cancellationToken);
            return named.Count switch
            {
                1 => (named[0], null),
                0 => (null, ScimErrors.Error(StatusCodes.Status404NotFound, null, $"None of your clients is named \"{name}\". Use a client's exact name as the organization, or its id as clientId.")),
                _ => (null, ScimErrors.InvalidValue($"Several of your clients are named \"{name}\": give the client's id as clientId in {ScimSchemas.PortalUser}.")),
            };
        }

        if (current is not null)
        {
            return (await clients.FirstAsync(c => c.Id == current.User.ClientId, cancellationToken), null);
        }

        var only = await clients.Take(2).ToListAsync(cancellationToken);
        return only.Count == 1
            ? (only[0], null)
            : (null, ScimErrors.InvalidValue(
                $"Say which client this user works for: the enterprise extension's organization (the client's name), clientId in {ScimSchemas.PortalUser}, or provision through /scim/v2/Clients/{{clientId}}/Users."));
    }

    private static (Client?, ScimResult?) Found(Client? client) => client is null ? (null, ScimErrors.ClientNotFound()) : (client, null);
}
