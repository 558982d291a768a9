using System.Text.Json.Nodes;
using Api.Admin.EndUsers;
using Api.Admin.Staff;
using Api.Shared.Transactions;

namespace Api.Scim.Users;

/// <summary>
/// What PUT and PATCH share: in one transaction, the user is found in the caller's scope (404
/// otherwise), If-Match is checked against its current version (412), the body becomes the user's
/// desired SCIM representation (PUT: the body itself; PATCH: the current one with the operations
/// applied, <see cref="ScimPatch"/>), and <see cref="ScimUserUpdate"/> makes the user so. Answers the user as it now is.
/// </summary>
public static class ScimUserWrite
{
    public static async Task<ScimResult> RunAsync(
        Guid? clientId,
        Guid id,
        HttpRequest request,
        StaffMember caller,
        EndUserServices s,
        IConfiguration configuration,
        bool patch,
        CancellationToken cancellationToken)
    {
        var (body, unreadable) = await ScimRequest.ReadObjectAsync(request, cancellationToken);
        if (unreadable is not null)
        {
            return unreadable;
        }

        await using var transaction = await SharedTransaction.BeginAsync(s.Db, cancellationToken);
        var current = await ScimUserReader.FindAsync(caller, s.Db, clientId, id, cancellationToken);
        if (current is null)
        {
            return ScimErrors.UserNotFound();
        }

        if (ScimPreconditions.IfMatchFails(request, ScimUserResource.VersionOf(ScimUserResource.Attributes(current))))
        {
            return ScimErrors.VersionMismatch();
        }

        var desired = body!;
        if (patch)
        {
            desired = ScimUserResource.Attributes(current);
            if (ScimPatch.Apply(desired, body!) is { } refused)
            {
                return refused;
            }
        }

        var (input, invalid) = ScimUserInput.From(desired, current, patched: patch);
        if (invalid is not null)
        {
            return invalid;
        }

        var (client, noClient) = await ScimClientChoice.ResolveAsync(caller, s.Db, clientId, input!, current, cancellationToken);
        if (noClient is not null)
        {
            return noClient;
        }

        if (await ScimUserUpdate.ApplyAsync(caller, s, current, input!, client!, cancellationToken) is { } failed)
        {
            return failed;
        }

        await transaction.CommitAsync(cancellationToken);
        var facts = await ScimUserReader.FindAsync(caller, s.Db, clientId: null, id, cancellationToken);
        var resource = ScimUserResource.ToJson(facts!, ScimApi.BaseUrl(configuration));
        return ScimResult.Ok(resource, (string?)resource["meta"]!["version"], (string?)resource["meta"]!["location"]);
    }
}
