using Api.Admin.Staff;
using Api.Audit;
using Api.Shared.Transactions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.EndUsers;

/// <summary>
/// Changes an end user's name, e-mail, role or client (within the same partner). For a migrated
/// user whose SSO account the partner manages, the account follows: a new e-mail must be activated
/// before the next sign-in, and every session ends; someone else's account keeps its e-mail and
/// name (<see cref="EndUserEmailChange"/> says what a new address means). The audit entry holds the changed fields
/// only; no change, no entry.
/// </summary>
public static class EditEndUser
{
    public static Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> HandleAsync(
        Guid id, EditEndUserRequest body, StaffMember staff, [AsParameters] EndUserServices s, CancellationToken cancellationToken) =>
        ApplyAsync(id, body, externalId: null, staff, s, cancellationToken);

    /// <summary>
    /// The one way an end user is edited, by Manage Users and by SCIM provisioning, which may also
    /// change the identifier its identity provider knows the user by (null: unchanged).
    /// </summary>
    public static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> ApplyAsync(
        Guid id, EditEndUserRequest body, ExternalIdChange? externalId, StaffMember staff, EndUserServices s, CancellationToken cancellationToken)
    {
        var (input, problem) = EndUserInput.Check(body.ClientId, body.Name, body.Email, body.Role);
        if (problem is not null)
        {
            return problem;
        }

        await using var transaction = await SharedTransaction.BeginAsync(s.Db, cancellationToken);
        var user = await s.FindAsync(staff, id, cancellationToken);
        if (user is null)
        {
            return EndUserProblems.NotFound();
        }

        var client = await staff.Scope(s.Db.Clients)
            .FirstOrDefaultAsync(c => c.Id == input!.ClientId && c.PartnerId == user.Client!.PartnerId, cancellationToken);
        if (client is null)
        {
            return EndUserProblems.ClientNotFound();
        }

        var before = new Dictionary<string, string>();
        var after = new Dictionary<string, string>();
        void Changed(string field, string old, string @new)
        {
            before[field] = old;
            after[field] = @new;
        }

        var authority = await s.Ownership.OfAsync(staff, user, cancellationToken);
        // The client first: a request to an account's owner names the client the access is for.
        if (user.ClientId != client.Id)
        {
            // The funnels count users per client: this one's steps go with them to the new client.
            var tally = await s.FunnelTallies.BeginAsync(user.Id, batchId: null, cancellationToken);
            Changed("client", user.Client!.Name, client.Name);
            user.ClientId = client.Id;
            user.Client = client;
            await s.Db.SaveChangesAsync(cancellationToken);
            await tally.CompleteAsync(cancellationToken);
        }

        if (user.Email != input!.Email)
        {
            var previous = user.Email;
            if (await EndUserEmailChange.ApplyAsync(user, input.Email, client, authority, s, cancellationToken) is { } refused)
            {
                return refused;
            }

            Changed("email", previous, input.Email);
        }

        if (user.DisplayName != input.Name)
        {
            // The name on someone else's account is theirs; the row's name is the partner's.
            if (user is { MigratedToSso: true, SsoAccountId: { } accountId } && authority == EndUserAuthority.Full)
            {
                await s.Accounts.RenameAsync(accountId, input.Name, cancellationToken);
            }

            Changed("name", user.DisplayName, input.Name);
            user.DisplayName = input.Name;
        }

        if (user.Role != input.Role)
        {
            Changed("role", user.Role, input.Role);
            user.Role = input.Role;
        }

        if (externalId is not null && user.ExternalId != externalId.Value)
        {
            Changed("externalId", user.ExternalId ?? "", externalId.Value ?? "");
            user.ExternalId = externalId.Value;
        }

        if (after.Count == 0)
        {
            return TypedResults.NoContent();
        }

        s.Record(staff, AuditActions.EndUserEdited, user, before, after);
        await s.RaiseAsync(staff, AuditActions.EndUserEdited, user, new { Changed = after }, cancellationToken);
        await s.Db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}

/// <summary>A new SCIM <c>externalId</c> for an end user; <paramref name="Value"/> null removes it.</summary>
public sealed record ExternalIdChange(string? Value);

public sealed record EditEndUserRequest(string? Name, string? Email, string? Role, Guid? ClientId);
