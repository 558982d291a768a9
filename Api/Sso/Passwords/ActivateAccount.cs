using Api.Shared;
using Api.Shared.Links;
using Api.Sso.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Api.Sso.Passwords;

/// <summary>The activation link: proves the e-mail address, once.</summary>
public static class ActivateAccount
{
    public static async Task<Results<Ok<ActivationResponse>, ProblemHttpResult>> HandleAsync(
        TokenRequest body,
        OneTimeLinks links,
        UserManager<SsoAccount> users,
        SsoDbContext db,
        AccountMilestones milestones,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var accountId = await links.ConsumeAsync(body.Token, LinkPurpose.Activation, cancellationToken);
        var account = accountId is null ? null : await users.FindByIdAsync(accountId);
        if (account is null)
        {
            return Problems.BadRequest("Link not valid", "This activation link has expired or has already been used. Sign in again to get a new one.");
        }

        account.EmailConfirmed = true;
        await users.UpdateAsync(account);
        // In the same transaction: an activation that does not commit is not counted either.
        await milestones.ReachedAsync(new AccountMilestoneReached(account.Id, AccountMilestone.EmailActivated), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(new ActivationResponse(account.Email!));
    }
}

public sealed record TokenRequest(string? Token);

public sealed record ActivationResponse(string Email);
