using System.Security.Cryptography;
using Api.Infrastructure;
using Api.Sso.Sessions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Api.Sso.Accounts;

/// <summary>
/// What others may do to an SSO account: the admin area (issue 7) and the "this was not me" link
/// call these, never Identity tables or Redis keys directly. Each change renews the security
/// stamp, so sign-ins in flight die, and ends every session only after its commit, so a sign-in
/// finishing meanwhile cannot keep a session (see LoginOutcome.StartSessionAsync).
/// </summary>
public sealed class AccountAdministration(
    AppDbContext db,
    SsoSessionStore sessions,
    AccountEmails emails,
    OneTimeLinks links,
    IPasswordHasher<SsoAccount> hasher,
    TimeProvider clock)
{
    /// <summary>No more sign-ins on the platform's SSO; every session and sign-in in flight ends. False for an unknown account.</summary>
    public Task<bool> DisableAsync(string accountId, CancellationToken cancellationToken = default) =>
        RenewStampsAndEndSessionsAsync(accountId, set => set
            .SetProperty(a => a.LockoutEnabled, true)
            .SetProperty(a => a.LockoutEnd, DateTimeOffset.MaxValue), cancellationToken);

    /// <summary>
    /// Ends every session and sign-in in flight, and nothing else: for a product that withdraws
    /// its own access (the portal disabling an end user) without disabling the platform account.
    /// </summary>
    public Task<bool> EndSessionsAsync(string accountId, CancellationToken cancellationToken = default) =>
        RenewStampsAndEndSessionsAsync(accountId, _ => { }, cancellationToken);

    /// <summary>Allows sign-in again (nothing else changes: the password and authenticator stay).</summary>
    public async Task<bool> EnableAsync(string accountId, CancellationToken cancellationToken = default)
    {
        var concurrency = NewStamp();
        return await db.Users.Where(a => a.Id == accountId).ExecuteUpdateAsync(set => set
            .SetProperty(a => a.LockoutEnd, (DateTimeOffset?)null)
            .SetProperty(a => a.ConcurrencyStamp, concurrency), cancellationToken) == 1;
    }

    /// <summary>
    /// Removes the authenticator (secret and recovery codes), e.g. for a user who lost their
    /// phone: the next sign-in enrols a new one. Ends every session; mails the owner.
    /// </summary>
    public async Task<bool> ResetAuthenticatorAsync(string accountId, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var account = await db.Users.AsNoTracking().FirstOrDefaultAsync(a => a.Id == accountId, cancellationToken);
        if (account is null)
        {
            return false;
        }

        await RemoveAuthenticatorAsync(accountId, cancellationToken);
        if (account.HasAuthenticator)
        {
            emails.QueueAuthenticatorReset(account, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        await sessions.RevokeAllAsync(accountId);
        return true;
    }

    /// <summary>
    /// "This was not me" from an authenticator notice: once per link, removes the authenticator,
    /// makes the current password unusable (whoever set that authenticator up knew it), ends
    /// every session and mails a password reset link. False when the link is not valid.
    /// </summary>
    public async Task<bool> RemoveAuthenticatorFromNoticeAsync(string? token, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
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
        await transaction.CommitAsync(cancellationToken);

        await sessions.RevokeAllAsync(account.Id);
        return true;
    }

    private async Task RemoveAuthenticatorAsync(string accountId, CancellationToken cancellationToken)
    {
        await RenewStampsAsync(accountId, set => set
            .SetProperty(a => a.ProtectedTotpSecret, (string?)null)
            .SetProperty(a => a.TotpEnrolledAt, (DateTime?)null), cancellationToken);
        await db.Set<RecoveryCode>().Where(c => c.AccountId == accountId).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task<bool> RenewStampsAndEndSessionsAsync(
        string accountId, Action<UpdateSettersBuilder<SsoAccount>> alsoSet, CancellationToken cancellationToken)
    {
        if (await RenewStampsAsync(accountId, alsoSet, cancellationToken) == 0)
        {
            return false;
        }

        await sessions.RevokeAllAsync(accountId);
        return true;
    }

    /// <summary>One conditional UPDATE: the change itself plus new security and concurrency stamps.</summary>
    private Task<int> RenewStampsAsync(string accountId, Action<UpdateSettersBuilder<SsoAccount>> alsoSet, CancellationToken cancellationToken)
    {
        var (stamp, concurrency) = (NewStamp(), NewStamp());
        return db.Users.Where(a => a.Id == accountId).ExecuteUpdateAsync(set =>
        {
            set.SetProperty(a => a.SecurityStamp, stamp).SetProperty(a => a.ConcurrencyStamp, concurrency);
            alsoSet(set);
        }, cancellationToken);
    }

    /// <summary>
    /// A new security stamp (or concurrency stamp). The rows are updated in SQL, not through
    /// UserManager, so that each change is one conditional statement; the new concurrency stamp
    /// makes any copy of the account loaded earlier fail to save instead of undoing the change.
    /// </summary>
    public static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(20));
}
