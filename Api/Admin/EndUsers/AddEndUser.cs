using Api.Admin.Staff;
using Api.Audit;
using Api.Webhooks;
using Api.Shared;
using Api.Shared.Transactions;
using Api.Portal;
using Api.Portal.AccessRequests;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.EndUsers;

/// <summary>
/// A new end user. For a client already on Single Sign-On the user gets an SSO account managed by
/// the partner and the invitation to activate it; otherwise a portal login without a password and
/// the set-password e-mail. An address that belongs to an existing SSO account the partner does not
/// manage makes a row waiting for that account's owner to accept (<see cref="OwnerConsent"/>).
/// </summary>
public static class AddEndUser
{
    public static Task<Results<Created<CreatedEndUser>, ProblemHttpResult, ValidationProblem>> HandleAsync(
        AddEndUserRequest body, StaffMember staff, [AsParameters] EndUserServices s, CancellationToken cancellationToken) =>
        AddAsync(body, externalId: null, staff, s, cancellationToken);

    /// <summary>
    /// The one way an end user is added, by Manage Users and by SCIM provisioning, which also gives
    /// the identifier its identity provider knows the user by (<paramref name="externalId"/>).
    /// </summary>
    public static async Task<Results<Created<CreatedEndUser>, ProblemHttpResult, ValidationProblem>> AddAsync(
        AddEndUserRequest body, string? externalId, StaffMember staff, EndUserServices s, CancellationToken cancellationToken)
    {
        var (input, problem) = EndUserInput.Check(body.ClientId, body.Name, body.Email, body.Role);
        if (problem is not null)
        {
            return problem;
        }

        var db = s.Db;
        await using var transaction = await SharedTransaction.BeginAsync(db, cancellationToken);
        var client = await staff.Scope(db.Clients).FirstOrDefaultAsync(c => c.Id == input!.ClientId, cancellationToken);
        if (client is null)
        {
            return EndUserProblems.ClientNotFound();
        }

        if (!await s.ClaimEmailAsync(input!.Email, exceptId: null, cancellationToken))
        {
            return EndUserProblems.EmailTaken();
        }

        // The invitation's units are taken before anything is written; refused, no user is added.
        if (await s.MailBudget.TryTakeAsync(client.PartnerId, input.Email) is { } tooMany)
        {
            return tooMany.Problem;
        }

        var user = new EndUser
        {
            ClientId = client.Id,
            Client = client,
            Email = input.Email,
            DisplayName = input.Name,
            Role = input.Role,
            ExternalId = externalId,
            CreatedAt = s.Clock.GetUtcNow().UtcDateTime,
        };
        // An address typed by a partner is a claim about someone: an existing account the partner
        // does not manage is never linked here; its owner is asked and the row waits for them.
        var someoneElses = await s.AccountOfSomeoneElseAsync(user.Email, client.PartnerId, cancellationToken);
        if (someoneElses is not null)
        {
            await s.Consent.AskAsync(user, someoneElses, cancellationToken);
        }
        else if (client.MigratedToSsoAt is not null
                 || await s.Accounts.FindAccountAsync(user.Email, cancellationToken) is not null)
        {
            // A new account managed by this partner, or one it created earlier (kept for another of
            // its products' roles when its portal user was deleted), linked again.
            var account = await s.Accounts.ProvisionAsync(
                user.Email, user.DisplayName, passwordHash: null, ProductRoles.PortalEndUser, PartnerSteward.Of(client.PartnerId), cancellationToken);
            user.MigratedToSso = true;
            user.MigratedAt = user.CreatedAt;
            user.SsoAccountId = account.AccountId;
            // A linked account that is already activated needs no invitation: its owner signs in as ever.
            await s.Accounts.SendActivationAsync(account.AccountId, cancellationToken);
        }
        else
        {
            s.SetupEmails.Queue(user);
        }

        db.EndUsers.Add(user);

        s.Record(staff, AuditActions.EndUserCreated, user, after: new
        {
            user.DisplayName,
            user.Email,
            user.Role,
            Client = client.Name,
            user.ExternalId,
            user.MigratedToSso,
            AwaitingAccountOwner = user.AwaitsAccountOwner,
        });
        await s.Webhooks.RaiseAsync(user, client, WebhookEventTypes.EndUserCreated, staff.Actor.Name, cancellationToken: cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another admin added the same e-mail at the same moment (the unique index caught it).
            await transaction.DisposeAsync();
            db.ChangeTracker.Clear();
            if (await db.EndUsers.AnyAsync(u => u.Email == user.Email && !u.Deleted, CancellationToken.None))
            {
                return EndUserProblems.EmailTaken();
            }

            throw;
        }

        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/admin/end-users/{user.Id}", new CreatedEndUser(user.Id, user.AwaitsAccountOwner));
    }
}

public sealed record AddEndUserRequest(Guid? ClientId, string? Name, string? Email, string? Role);

/// <param name="AwaitingAccountOwner">The address belongs to an existing single sign-on account the partner does not manage: its owner was asked to accept, and the user has no access until they do.</param>
public sealed record CreatedEndUser(Guid Id, bool AwaitingAccountOwner);
