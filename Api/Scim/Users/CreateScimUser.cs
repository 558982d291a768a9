using Api.Admin.EndUsers;
using Api.Admin.Staff;
using Api.Shared.Transactions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Scim.Users;

/// <summary>
/// POST /Users: a new end user through Manage Users' Add (the set-password or activation e-mail,
/// the account-ownership rules, the audit entry, the unique address), then Disable when the body
/// says active false. A userName or externalId the partner already has answers 409 uniqueness, as
/// Entra ID and Okta expect (they then find the user by filter and update it), so a retried or
/// repeated create never makes a second user.
/// </summary>
public static class CreateScimUser
{
    public static async Task<ScimResult> HandleAsync(
        Guid? clientId, HttpRequest request, StaffMember caller, [AsParameters] EndUserServices s, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var (body, unreadable) = await ScimRequest.ReadObjectAsync(request, cancellationToken);
        if (unreadable is not null)
        {
            return unreadable;
        }

        var (input, invalid) = ScimUserInput.From(body!, current: null);
        if (invalid is not null)
        {
            return invalid;
        }

        await using var transaction = await SharedTransaction.BeginAsync(s.Db, cancellationToken);
        var (client, noClient) = await ScimClientChoice.ResolveAsync(caller, s.Db, clientId, input!, current: null, cancellationToken);
        if (noClient is not null)
        {
            return noClient;
        }

        if (input!.ExternalId is { } externalId && await ScimUserUpdate.ExternalIdTakenAsync(caller, s.Db, externalId, exceptId: null, cancellationToken))
        {
            return ScimUserUpdate.ExternalIdTaken(externalId);
        }

        var added = await AddEndUser.AddAsync(
            new AddEndUserRequest(client!.Id, input.Name, input.Email, input.Role), input.ExternalId, caller, s, cancellationToken);
        if (added.Result is not Created<CreatedEndUser> { Value: { } created })
        {
            return added.Result is ProblemHttpResult { StatusCode: StatusCodes.Status409Conflict }
                ? ScimErrors.Uniqueness($"A user with the userName \"{input.Email}\" already exists. Find it with filter=userName eq \"{input.Email}\" and update it instead.")
                : ScimErrors.From(added.Result);
        }

        if (!input.Active)
        {
            await DisableEndUser.ApplyAsync(created.Id, caller, s, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        var facts = await ScimUserReader.FindAsync(caller, s.Db, clientId, created.Id, cancellationToken);
        var resource = ScimUserResource.ToJson(facts!, ScimApi.BaseUrl(configuration));
        var meta = resource["meta"]!;
        return new ScimResult(StatusCodes.Status201Created, resource, (string?)meta["version"], (string?)meta["location"]);
    }
}
