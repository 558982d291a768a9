using Api.Data;
using Api.Portal;
using Api.Sso.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Api.SsoMigration.Reminders;

/// <summary>An end user a reminder may go to: their row (with its client), their account's id and sign-in address, and the step left.</summary>
public sealed record ReminderTarget(EndUser User, string AccountId, string Email, ReminderStep Step);

/// <summary>Why an end user gets no reminder.</summary>
public enum ReminderRefusal
{
    /// <summary>Not on SSO (never moved, rolled back, waiting for an account's owner) or deleted.</summary>
    NotOnSso,

    /// <summary>The row or the account is disabled.</summary>
    Disabled,

    /// <summary>Activated and has an authenticator: nothing left to remind them of.</summary>
    NothingToDo,

    /// <summary>The account behind the row is not one the user's partner manages (docs/SECURITY.md, "Who owns an account").</summary>
    ManagedElsewhere,
}

/// <summary>
/// Who may get a reminder, asked afresh right before each one is sent: a migrated end user whose
/// row and account are enabled, whose account their partner manages, and who has not activated
/// their address or set up an authenticator yet. Anyone who acted since, was disabled, deleted or
/// rolled back, or whose row points at someone else's account, gets none.
/// </summary>
public sealed class ReminderTargets(AppDbContext db, AccountAdministration accounts, PartnerSteward steward)
{
    /// <summary>The end user (tracked, with their client) as a reminder sees them; null when there is no such user.</summary>
    public async Task<(ReminderTarget? Target, ReminderRefusal? Refusal)> FindAsync(Guid endUserId, CancellationToken cancellationToken)
    {
        var user = await db.EndUsers.Include(u => u.Client).FirstOrDefaultAsync(u => u.Id == endUserId, cancellationToken);
        return user is null ? (null, ReminderRefusal.NotOnSso) : await OfAsync(user, cancellationToken);
    }

    /// <summary>The target, or why there is none.</summary>
    public async Task<(ReminderTarget? Target, ReminderRefusal? Refusal)> OfAsync(EndUser user, CancellationToken cancellationToken)
    {
        if (user is not { MigratedToSso: true, Deleted: false, SsoAccountId: { } accountId })
        {
            return (null, ReminderRefusal.NotOnSso);
        }

        var account = await accounts.Standings.FirstOrDefaultAsync(a => a.AccountId == accountId, cancellationToken);
        if (account is null)
        {
            return (null, ReminderRefusal.NotOnSso);
        }

        if (!user.Enabled || account.Disabled)
        {
            return (null, ReminderRefusal.Disabled);
        }

        if (account.State == AccountState.Active)
        {
            return (null, ReminderRefusal.NothingToDo);
        }

        if (!await steward.ManagesAsync(user.PartnerId, accountId, cancellationToken))
        {
            return (null, ReminderRefusal.ManagedElsewhere);
        }

        var step = account.State == AccountState.ActivationPending ? ReminderStep.Activate : ReminderStep.Enrol;
        return (new ReminderTarget(user, accountId, account.Email, step), null);
    }
}
