using Api.Data;
using Api.Shared;
using Api.Shared.Transactions;
using Api.Shared.Links;
using Api.Sso.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Api.Portal.PasswordSetup;

/// <summary>The first password of a new portal end user (not yet on SSO), from the set-password link: anonymous, single use.</summary>
public static class SetUpPassword
{
    public const string LinkNotValid = "This link has expired or has already been used. Ask your IT provider to send a new one.";

    public static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> HandleAsync(
        PasswordSetupRequest body, AppDbContext db, OneTimeLinks links, CancellationToken cancellationToken)
    {
        // Checked before the link is used up: a refused password leaves the link working.
        if (PortalPasswordRules.Check(body.NewPassword) is { } refused)
        {
            return refused;
        }

        // Consumed atomically first, so of fifty parallel submissions one hashes and sets a password.
        await using var transaction = await SharedTransaction.BeginAsync(db, cancellationToken);
        var subject = await links.ConsumeAsync(body.Token, LinkPurpose.PortalPasswordSetup, cancellationToken);
        if (!Guid.TryParse(subject, out var endUserId))
        {
            return Problems.BadRequest("Link not valid", LinkNotValid);
        }

        var hash = LegacyPasswordHash.CreateCurrent(body.NewPassword!);
        var set = await db.EndUsers
            .Where(u => u.Id == endUserId && !u.MigratedToSso && !u.Deleted)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LegacyPasswordHash, hash), cancellationToken);
        if (set == 0)
        {
            // Migrated or deleted since the e-mail was sent: the link is of no use any more.
            return Problems.BadRequest("Link not valid", LinkNotValid);
        }

        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}

public sealed record PasswordSetupRequest(string? Token, string? NewPassword);
