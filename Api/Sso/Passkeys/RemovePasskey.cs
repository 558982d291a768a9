using Api.Shared;
using Api.Sso.Accounts;
using Api.Sso.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Api.Sso.Passkeys;

/// <summary>
/// Removes one of the user's passkeys after a fresh sign-in; the owner is mailed (with "this was
/// not me") in the same transaction. Another user's passkey answers as one that does not exist.
/// The last second step of an account (no other passkey, no authenticator app) stays: without it
/// the password alone would let whoever knows it set up their own at the next sign-in.
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
        // The account's row first: two removals of its last two passkeys come one after the other,
        // so the second sees that the first left one (on SQL Server too, whatever its isolation).
        await db.Users.Where(a => a.Id == accountId).ExecuteUpdateAsync(set => set.SetProperty(a => a.ConcurrencyStamp, a => a.ConcurrencyStamp));
        // One conditional delete: of two parallel removals only one mails.
        if (await AccountPasskeys.Of(db, accountId).Where(p => p.CredentialId == credentialId).ExecuteDeleteAsync() == 0)
        {
            return Problems.Status(StatusCodes.Status404NotFound, "Passkey not found", PasskeyProblems.NotFound);
        }

        if (!await AccountPasskeys.Of(db, accountId).AnyAsync() && !await db.Users.AnyAsync(a => a.Id == accountId && a.ProtectedTotpSecret != null))
        {
            await transaction.RollbackAsync();
            return Problems.Status(StatusCodes.Status409Conflict, "Passkey kept", PasskeyProblems.LastSecondStep);
        }

        var account = await db.Users.AsNoTracking().FirstAsync(a => a.Id == accountId);
        emails.QueuePasskeyRemoved(account, row.Data.Name ?? "Passkey", clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return TypedResults.NoContent();
    }
}
