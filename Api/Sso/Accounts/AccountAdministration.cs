using System.Security.Cryptography;
using Api.Shared.Limits;
using Api.Shared.Transactions;
using Api.Shared.Links;
using Api.Sso.Sessions;
using Api.Sso.Throttling;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Api.Sso.Accounts;

/// <summary>
/// The one service through which anything outside the SSO (the portal's admin area, the
/// migration, the "this was not me" link) acts on an SSO account; nothing else touches Identity
/// tables or the SSO's Redis keys. Each change renews the security stamp, so sign-ins in flight
/// die, and ends sessions only after its commit (<see cref="AfterCommit"/>), so a sign-in finishing
/// meanwhile cannot keep one. Every method joins the caller's transaction when there is one, so
/// an admin action and its audit entry commit together. Split by concern across partial files:
/// lifecycle (here), authenticator, provisioning, standings.
/// </summary>
public sealed partial class AccountAdministration(
    SsoDbContext db,
    UserManager<SsoAccount> users,
    RoleManager<IdentityRole> roles,
    SsoSessionStore sessions,
    LoginThrottle throttle,
    RedisBudget budget,
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
    /// Ends every session and sign-in in flight of a subject — an SSO account, or a subject a
    /// product signed in itself (the portal's legacy form) — and nothing else: for a product that
    /// withdraws its own access without disabling the platform account.
    /// </summary>
    public async Task EndSessionsAsync(string subject, CancellationToken cancellationToken = default)
    {
        await RenewStampsAsync(subject, _ => { }, cancellationToken);
        await AfterCommit.RunAsync(db, () => sessions.RevokeAllAsync(subject));
    }

    /// <summary>Allows sign-in again (nothing else changes: the password and authenticator stay).</summary>
    public async Task<bool> EnableAsync(string accountId, CancellationToken cancellationToken = default)
    {
        var concurrency = NewStamp();
        return await db.Users.Where(a => a.Id == accountId).ExecuteUpdateAsync(set => set
            .SetProperty(a => a.LockoutEnd, (DateTimeOffset?)null)
            .SetProperty(a => a.ConcurrencyStamp, concurrency), cancellationToken) == 1;
    }

    /// <summary>
    /// Lifts the pause on sign-in that wrong passwords or codes put on an e-mail (for every
    /// browser), e.g. after the user called their IT provider. A disabled account stays disabled.
    /// </summary>
    public Task UnlockAsync(string email) => throttle.ResetAccountAsync(email);

    private async Task<bool> RenewStampsAndEndSessionsAsync(
        string accountId, Action<UpdateSettersBuilder<SsoAccount>> alsoSet, CancellationToken cancellationToken)
    {
        if (await RenewStampsAsync(accountId, alsoSet, cancellationToken) == 0)
        {
            return false;
        }

        await AfterCommit.RunAsync(db, () => sessions.RevokeAllAsync(accountId));
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
