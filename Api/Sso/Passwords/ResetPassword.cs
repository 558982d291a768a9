using Api.Shared;
using Api.Shared.Links;
using Api.Sso.Accounts;
using Api.Sso.Sessions;
using Api.Sso.Throttling;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Api.Sso.Passwords;

/// <summary>The reset link: a new password, every session ended.</summary>
public static class ResetPassword
{
    public static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> HandleAsync(
        ResetPasswordRequest body,
        OneTimeLinks links,
        UserManager<SsoAccount> users,
        SsoDbContext db,
        SsoSessionStore sessions,
        LoginThrottle throttle,
        AccountEmails emails,
        AccountMilestones milestones,
        CancellationToken cancellationToken)
    {
        if (body.NewPassword is not { Length: >= InputRules.MinPasswordLength and <= InputRules.MaxPasswordLength })
        {
            var sentence = $"Choose a password of {InputRules.MinPasswordLength} to {InputRules.MaxPasswordLength} characters.";
            return Problems.Invalid("newPassword", sentence);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var accountId = await links.ConsumeAsync(body.Token, LinkPurpose.PasswordReset, cancellationToken);
        var account = accountId is null ? null : await users.FindByIdAsync(accountId);
        if (account is null)
        {
            return Problems.BadRequest("Link not valid", "This password reset link has expired or has already been used. Use Forgot Password to get a new one.");
        }

        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, account, body.NewPassword);
            if (!check.Succeeded)
            {
                // Rolled back: the link stays usable for a better password.
                var sentence = string.Join(" ", check.Errors.Select(e => e.Description));
                return Problems.Invalid("newPassword", sentence);
            }
        }

        account.PasswordHash = users.PasswordHasher.HashPassword(account, body.NewPassword);
        // The link arrived by e-mail, so it also proves the address.
        var activated = !account.EmailConfirmed;
        account.EmailConfirmed = true;
        await users.UpdateSecurityStampAsync(account);
        emails.QueuePasswordChanged(account);
        await db.SaveChangesAsync(cancellationToken);
        if (activated)
        {
            await milestones.ReachedAsync(new AccountMilestoneReached(account.Id, AccountMilestone.EmailActivated), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);

        await sessions.RevokeAllAsync(account.Id);
        await throttle.ResetAccountAsync(account.Email!);
        return TypedResults.NoContent();
    }
}

public sealed record ResetPasswordRequest(string? Token, string? NewPassword);
