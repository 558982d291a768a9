using System.Security.Cryptography;
using Api.Shared.Transactions;
using Api.Shared.Links;
using Api.Sso.Passkeys;
using Microsoft.EntityFrameworkCore;

namespace Api.Sso.Accounts;

public sealed partial class AccountAdministration
{
    /// <summary>
    /// Removes the authenticator (secret, passkeys and recovery codes), e.g. for a user who lost
    /// their phone: the next sign-in enrols a new one. Ends every session; mails the owner.
    /// </summary>
    public async Task<bool> ResetAuthenticatorAsync(string accountId, CancellationToken cancellationToken = default)
    {
        await using var transaction = await SharedTransaction.BeginAsync(db, cancellationToken);
        var account = await db.Users.AsNoTracking().FirstOrDefaultAsync(a => a.Id == accountId, cancellationToken);
        if (account is null)
        {
            return false;
        }

        var hadPasskeys = await AccountPasskeys.AnyAsync(db, accountId, cancellationToken);
        await RemoveAuthenticatorAsync(accountId, cancellationToken);
        if (account.HasAuthenticator || hadPasskeys)
        {
            emails.QueueAuthenticatorReset(account, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
        }

        await AfterCommit.RunAsync(db, () => sessions.RevokeAllAsync(accountId));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// "This was not me" from an authenticator notice: once per link, removes the authenticator,
    /// makes the current password unusable (whoever set that authenticator up knew it), ends
    /// every session and mails a password reset link. False when the link is not valid.
    /// </summary>
    public async Task<bool> RemoveAuthenticatorFromNoticeAsync(string? token, CancellationToken cancellationToken = default)
    {
        await using var transaction = await SharedTransaction.BeginAsync(db, cancellationToken);
        var accountId = await links.ConsumeAsync(token, LinkPurpose.RemoveAuthenticator, cancellationToken);
        var account = accountId is null ? null : await db.Users.AsNoTracking().FirstOrDefaultAsync(a => a.Id == accountId, cancellationToken);
        if (account is null)
        {
            return false;
        }

        await RemoveAuthenticatorAsync(account.Id, cancellationToken);
        // A hash of a random password rather than none, so this account still costs one full
        // password check and timing does not set it apart.
        var unusable = hasher.HashPassword(account, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        await db.Users.Where(a => a.Id == account.Id).ExecuteUpdateAsync(set => set.SetProperty(a => a.PasswordHash, unusable), cancellationToken);
        emails.QueuePasswordReset(account);
        await db.SaveChangesAsync(cancellationToken);
        await AfterCommit.RunAsync(db, () => sessions.RevokeAllAsync(account.Id));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private async Task RemoveAuthenticatorAsync(string accountId, CancellationToken cancellationToken)
    {
        await RenewStampsAsync(accountId, set => set
            .SetProperty(a => a.ProtectedTotpSecret, (string?)null)
            .SetProperty(a => a.TotpEnrolledAt, (DateTime?)null), cancellationToken);
        await AccountPasskeys.Of(db, accountId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<RecoveryCode>().Where(c => c.AccountId == accountId).ExecuteDeleteAsync(cancellationToken);
    }
}
