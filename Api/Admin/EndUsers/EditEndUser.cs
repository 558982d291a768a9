using Api.Admin.Staff;
using Api.Audit;
using Api.Infrastructure.Transactions;
using Api.Sso.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.EndUsers;

/// <summary>
/// Changes an end user's name, e-mail, role or client (within the same partner). For a migrated
/// user the SSO account follows: a new e-mail must be activated before the next sign-in, and
/// every session ends. The audit entry holds the changed fields only; no change, no entry.
/// </summary>
public static class EditEndUser
{
    public static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> Handle(
        Guid id, EditEndUserRequest body, StaffMember staff, [AsParameters] EndUserServices s, CancellationToken cancellationToken)
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

        if (user.Email != input!.Email)
        {
            if (!await s.ClaimEmailAsync(input.Email, exceptId: user.Id, cancellationToken))
            {
                return EndUserProblems.EmailTaken();
            }

            if (user is { MigratedToSso: true, SsoAccountId: { } accountId }
                && await s.Accounts.ChangeEmailAsync(accountId, input.Email, cancellationToken) == EmailChange.Taken)
            {
                return EndUserProblems.AccountEmailTaken();
            }

            Changed("email", user.Email, input.Email);
            user.Email = input.Email;
        }

        if (user.DisplayName != input.Name)
        {
            if (user is { MigratedToSso: true, SsoAccountId: { } accountId })
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

        if (user.ClientId != client.Id)
        {
            Changed("client", user.Client!.Name, client.Name);
            user.ClientId = client.Id;
            user.Client = client;
        }

        if (after.Count == 0)
        {
            return TypedResults.NoContent();
        }

        s.Record(staff, AuditActions.EndUserEdited, user, before, after);
        await s.Db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}

public sealed record EditEndUserRequest(string? Name, string? Email, string? Role, Guid? ClientId);
