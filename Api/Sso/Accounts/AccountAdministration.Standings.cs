using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Api.Sso.Accounts;

/// <summary>Where an account stands on its way to signing in: the SSO state the admin area shows and filters on.</summary>
public enum AccountState
{
    /// <summary>The e-mail is not activated yet.</summary>
    ActivationPending,

    /// <summary>Activated, but no authenticator: the next sign-in enrols one.</summary>
    MfaNotEnrolled,

    Active,
}

/// <summary>An account as other modules may see it; a query, so it joins their tables in one SQL statement.</summary>
public sealed class AccountStanding
{
    public required string AccountId { get; init; }
    public required string Email { get; init; }
    public required string Name { get; init; }
    public required AccountState State { get; init; }
    public required bool Disabled { get; init; }
    public DateTime? LastLoginAt { get; init; }

    /// <summary>The second factor includes a passkey (which alone is both factors, see <c>PasskeyOptionsSetup</c>).</summary>
    public bool HasPasskey { get; init; }

    /// <summary>The second factor includes a confirmed authenticator app (TOTP).</summary>
    public bool HasAuthenticatorApp { get; init; }

    /// <summary>Who besides the person may change how the account signs in (<see cref="SsoAccount.ManagedBy"/>); null: the platform.</summary>
    public string? ManagedBy { get; init; }
}

public sealed partial class AccountAdministration
{
    /// <summary>
    /// Every account's standing, as a query others compose with their own (the admin area joins
    /// it to end users to filter and sort on SSO state in SQL) without touching Identity tables.
    /// </summary>
    public IQueryable<AccountStanding> Standings => db.Users.AsNoTracking().Select(a => new AccountStanding
    {
        AccountId = a.Id,
        Email = a.Email!,
        Name = a.DisplayName,
        State = !a.EmailConfirmed ? AccountState.ActivationPending
            : a.ProtectedTotpSecret == null && !db.Set<IdentityUserPasskey<string>>().Any(p => p.UserId == a.Id) ? AccountState.MfaNotEnrolled
            : AccountState.Active,
        Disabled = a.LockoutEnd == DateTimeOffset.MaxValue,
        LastLoginAt = a.LastLoginAt,
        HasPasskey = db.Set<IdentityUserPasskey<string>>().Any(p => p.UserId == a.Id),
        HasAuthenticatorApp = a.ProtectedTotpSecret != null,
        ManagedBy = a.ManagedBy,
    });

    /// <summary>Which of these e-mails have sign-in paused by wrong passwords or codes right now (one Redis round trip).</summary>
    public Task<IReadOnlySet<string>> FindLockedOutAsync(IEnumerable<string> emails) => throttle.FindLockedOutAsync(emails);
}
