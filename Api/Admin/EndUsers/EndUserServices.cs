using Api.Admin.MailLimits;
using Api.Admin.Staff;
using Api.Audit;
using Api.Data;
using Api.Shared.Transactions;
using Api.Portal;
using Api.Portal.AccessRequests;
using Api.Portal.PasswordSetup;
using Api.Sso.Accounts;
using Api.SsoMigration.Funnel;
using Api.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.EndUsers;

/// <summary>What every end-user action needs, bound by <c>[AsParameters]</c>; plus the steps they share.</summary>
public sealed record EndUserServices(
    AppDbContext Db,
    AccountAdministration Accounts,
    AccountOwnership Ownership,
    PartnerSteward Steward,
    OwnerConsent Consent,
    AuditLog Audit,
    PasswordSetupEmails SetupEmails,
    TimeProvider Clock,
    AdminMailBudget MailBudget,
    FunnelTallies FunnelTallies,
    EndUserWebhooks Webhooks)
{
    /// <summary>An end user the caller may see, with its client (for the partner of the audit entry); null otherwise.</summary>
    public Task<EndUser?> FindAsync(StaffMember staff, Guid id, CancellationToken cancellationToken) =>
        staff.Scope(Db.EndUsers).Include(u => u.Client).FirstOrDefaultAsync(u => u.Id == id, cancellationToken);

    /// <summary>
    /// One action on one end user, as a whole: the user is found in the caller's scope (false when
    /// not there), <paramref name="act"/> changes it and says what changed; only then is the audit
    /// entry written and everything committed. No change (null): nothing is written.
    /// </summary>
    public async Task<bool> ActAsync(StaffMember staff, Guid id, Func<EndUser, Task<AuditedChange?>> act, CancellationToken cancellationToken)
    {
        await using var transaction = await SharedTransaction.BeginAsync(Db, cancellationToken);
        var user = await FindAsync(staff, id, cancellationToken);
        if (user is null)
        {
            return false;
        }

        if (await act(user) is { } change)
        {
            Record(staff, change.Action, user, change.Before, change.After);
            await RaiseAsync(staff, change.Action, user, change.After, cancellationToken);
            await Db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return true;
    }

    /// <summary>Appends the audit entry of an action on this end user to the unit of work.</summary>
    public void Record(StaffMember staff, string action, EndUser user, object? before = null, object? after = null) =>
        Audit.Record(staff.Actor, action, user.Client!.PartnerId, new AuditTarget("end-user", user.Id.ToString(), user.DisplayName), before, after);

    /// <summary>
    /// Raises the partner's webhook event for an audited action that has one (<see cref="EndUserEventOf"/>),
    /// in the same unit of work as the audit entry: both exist only if the change committed.
    /// </summary>
    public async Task RaiseAsync(StaffMember staff, string action, EndUser user, object? details, CancellationToken cancellationToken)
    {
        if (EndUserEventOf(action) is not { } type)
        {
            return;
        }

        // Most actions change the row with one conditional UPDATE, past the entity in hand: the
        // event carries the row as it is now.
        if (Db.Entry(user).State == EntityState.Unchanged)
        {
            await Db.Entry(user).ReloadAsync(cancellationToken);
        }

        await Webhooks.RaiseAsync(user, user.Client!, type, staff.Actor.Name, details, cancellationToken);
    }

    /// <summary>The webhook event type of an audited action on an end user; null for actions partners are not told of (resends, unlocks).</summary>
    public static string? EndUserEventOf(string action) => action switch
    {
        AuditActions.EndUserCreated => WebhookEventTypes.EndUserCreated,
        AuditActions.EndUserEdited => WebhookEventTypes.EndUserUpdated,
        AuditActions.EndUserEnabled => WebhookEventTypes.EndUserEnabled,
        AuditActions.EndUserDisabled => WebhookEventTypes.EndUserDisabled,
        AuditActions.EndUserDeleted => WebhookEventTypes.EndUserDeleted,
        AuditActions.MfaReset => WebhookEventTypes.EndUserMfaReset,
        _ => null,
    };

    /// <summary>
    /// Ends the user's sessions, on every replica, once the caller commits: every session of the
    /// SSO account when the caller manages it (<see cref="EndUserAuthority.Full"/>), the portal
    /// form's for a user not yet migrated. An account managed by someone else keeps its sessions
    /// for other products; the portal itself refuses a disabled or deleted row at the next request.
    /// </summary>
    public Task EndSessionsAsync(EndUser user, EndUserAuthority authority, CancellationToken cancellationToken) =>
        user is { MigratedToSso: true, SsoAccountId: { } accountId }
            ? authority == EndUserAuthority.Full ? Accounts.EndSessionsAsync(accountId, cancellationToken) : Task.CompletedTask
            : Accounts.EndSessionsAsync(LegacySubject.Of(user.Id), cancellationToken);

    /// <summary>The existing SSO account with this address that the partner does not manage, if any (<see cref="PartnerSteward"/>).</summary>
    public Task<ExistingAccount?> AccountOfSomeoneElseAsync(string email, Guid partnerId, CancellationToken cancellationToken) =>
        Steward.AccountOfSomeoneElseAsync(email, partnerId, cancellationToken);

    /// <summary>
    /// False when another (non-deleted) end user has this e-mail. A deleted end user keeps holding
    /// their e-mail in the unique index; it is given a placeholder now, so the address can be reused.
    /// </summary>
    public async Task<bool> ClaimEmailAsync(string email, Guid? exceptId, CancellationToken cancellationToken)
    {
        if (await Db.EndUsers.AnyAsync(u => u.Email == email && !u.Deleted && u.Id != exceptId, cancellationToken))
        {
            return false;
        }

        var deleted = await Db.EndUsers.Where(u => u.Email == email && u.Deleted).Select(u => u.Id).ToListAsync(cancellationToken);
        foreach (var id in deleted)
        {
            var placeholder = $"deleted-{id:N}@deleted.invalid";
            await Db.EndUsers.Where(u => u.Id == id).ExecuteUpdateAsync(set => set.SetProperty(u => u.Email, placeholder).SetProperty(u => u.SsoEmailMismatch, ""), cancellationToken);
        }

        return true;
    }
}

/// <summary>What an action changed, for its audit entry (<see cref="AuditActions"/>).</summary>
public sealed record AuditedChange(string Action, object? Before = null, object? After = null);
