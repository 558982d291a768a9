using Api.Shared;
using Api.Sso.Accounts;
using Api.Sso.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Api.Sso.Passkeys;

/// <summary>
/// Removes one of the user's passkeys after a fresh sign-in; the owner is mailed (with "this was
/// not me") in the same transaction. Another user's passkey answers as one that does not exist.
/// </summary>
public static class RemovePasskey
{
    public static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        string id, HttpContext http, SsoDbContext db, AccountEmails emails, SsoSessionStore sessions, TimeProvider clock)
    {
        if (await FreshSignIn.RequireAsync(http, sessions, clock) is { } refusal)
        {
            return refusal;
        }

        var accountId = http.User.GetUserId()!;
        var credentialId = RenamePasskey.Decode(id);
        var row = credentialId is null ? null : await AccountPasskeys.Of(db, accountId).AsNoTracking().FirstOrDefaultAsync(p => p.CredentialId == credentialId);
        if (row is null)
        {
            return Problems.Status(StatusCodes.Status404NotFound, "Passkey not found", PasskeyProblems.NotFound);
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        // One conditional delete: of two parallel removals only one mails.
        if (await AccountPasskeys.Of(db, accountId).Where(p => p.CredentialId == credentialId).ExecuteDeleteAsync() == 0)
        {
            return Problems.Status(StatusCodes.Status404NotFound, "Passkey not found", PasskeyProblems.NotFound);
        }

        var account = await db.Users.AsNoTracking().FirstAsync(a => a.Id == accountId);
        emails.QueuePasskeyRemoved(account, row.Data.Name ?? "Passkey", clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return TypedResults.NoContent();
    }
}
