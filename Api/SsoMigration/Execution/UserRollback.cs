using Api.Audit;
using Api.Data;
using Api.Portal;
using Api.Webhooks;
using Api.Shared;
using Api.Shared.Transactions;
using Api.Portal.PasswordSetup;
using Api.SsoMigration.Batches;
using Api.SsoMigration.Funnel;
using Api.Sso.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Api.SsoMigration.Execution;

public enum UserRollbackOutcome
{
    RolledBack,

    /// <summary>The user's result in this batch is not Migrated or Linked (failed, skipped, already rolled back…).</summary>
    NotMigrated,
    NotFound,
}

/// <summary>
/// Takes one migrated user of a batch back to the portal's login form as the portal had them, in
/// one transaction: the portal password hash the row had before the batch (kept on the result)
/// comes back, or, when it had none, a set-password e-mail goes out. Never the SSO account's hash:
/// a linked account's password is the person's password for other products, protected there by
/// MFA, and the portal's form has none. The account loses the portal's role (and is deleted if
/// that was its only one) and its sessions end; the client counts as not migrated again; the
/// result becomes RolledBack; audited.
/// </summary>
public sealed class UserRollback(AppDbContext db, FunnelTallies tallies, AccountAdministration accounts, PasswordSetupEmails passwordSetup, AuditLog audit, EndUserWebhooks webhooks, TimeProvider clock)
{
    public async Task<UserRollbackOutcome> RollBackAsync(Guid batchId, Guid endUserId, AuditActor actor, CancellationToken cancellationToken)
    {
        await using var transaction = await SharedTransaction.BeginAsync(db, cancellationToken);
        var result = await db.MigrationResults.AsNoTracking().FirstOrDefaultAsync(r => r.BatchId == batchId && r.EndUserId == endUserId, cancellationToken);
        if (result is null)
        {
            return UserRollbackOutcome.NotFound;
        }

        // The user leaves the batch's funnel; their milestones stay written for a later move.
        var tally = await tallies.BeginAsync(endUserId, batchId, cancellationToken);
        // The guarded update claims the row: of two parallel rollbacks, one does the work.
        var now = clock.GetUtcNow().UtcDateTime;
        var claimed = await db.MigrationResults
            .Where(r => r.Id == result.Id && (r.Status == MigrationOutcomeStatus.Migrated || r.Status == MigrationOutcomeStatus.Linked))
            .ExecuteUpdateAsync(set => set
                .SetProperty(r => r.Status, MigrationOutcomeStatus.RolledBack)
                .SetProperty(r => r.Reason, $"Rolled back by {actor.Name}.")
                .SetProperty(r => r.CompletedAt, now)
                // Given back to the row below: the hash need not stay in two places.
                .SetProperty(r => r.LegacyPasswordHashBefore, (string?)null), cancellationToken);
        var user = await db.EndUsers.Include(u => u.Client).SingleAsync(u => u.Id == endUserId, cancellationToken);
        if (claimed == 0 || user is not { MigratedToSso: true, SsoAccountId: { } accountId })
        {
            return UserRollbackOutcome.NotMigrated;
        }

        var removal = await accounts.RemoveProductAccessAsync(accountId, ProductRoles.PortalEndUser, cancellationToken);
        user.MigratedToSso = false;
        user.MigratedAt = null;
        user.SsoAccountId = null;
        user.LegacyPasswordHash = result.LegacyPasswordHashBefore;
        if (user.LegacyPasswordHash is null)
        {
            // No portal password before the batch: the user chooses one, as a new end user does.
            passwordSetup.Queue(user);
        }

        // A client with a user on the legacy login again is not migrated: its new users start there too.
        user.Client!.MigratedToSsoAt = null;
        var account = removal switch
        {
            ProductAccessRemoval.AccountDeleted => "deleted",
            ProductAccessRemoval.RoleRemoved => "kept for other products",
            _ => "not found",
        };
        audit.Record(actor, AuditActions.UserRolledBack, user.Client.PartnerId, new AuditTarget("end-user", user.Id.ToString(), user.DisplayName),
            new { MigratedToSso = true },
            new { MigratedToSso = false, SsoAccount = account, PortalPassword = user.LegacyPasswordHash is null ? "set-password e-mail sent" : "restored" });
        await webhooks.RaiseAsync(user, user.Client, WebhookEventTypes.EndUserRolledBack, actor.Name, new { BatchId = batchId }, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await tally.CompleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return UserRollbackOutcome.RolledBack;
    }
}
