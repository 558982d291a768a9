using Api.Audit;
using Api.Infrastructure;
using Api.Infrastructure.Transactions;
using Api.SsoMigration.Batches;
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
/// Takes one migrated user of a batch back to the portal's login form with the password they use
/// today (the SSO account's current hash), in one transaction: the account loses the portal's
/// role (and is deleted if that was its only one) and its sessions end; the client counts as not
/// migrated again; the result becomes RolledBack; audited.
/// </summary>
public sealed class UserRollback(AppDbContext db, AccountAdministration accounts, AuditLog audit, TimeProvider clock)
{
    public async Task<UserRollbackOutcome> RollBackAsync(Guid batchId, Guid endUserId, AuditActor actor, CancellationToken cancellationToken)
    {
        await using var transaction = await SharedTransaction.BeginAsync(db, cancellationToken);
        var result = await db.MigrationResults.AsNoTracking().FirstOrDefaultAsync(r => r.BatchId == batchId && r.EndUserId == endUserId, cancellationToken);
        if (result is null)
        {
            return UserRollbackOutcome.NotFound;
        }

        // The guarded update claims the row: of two parallel rollbacks, one does the work.
        var now = clock.GetUtcNow().UtcDateTime;
        var claimed = await db.MigrationResults
            .Where(r => r.Id == result.Id && (r.Status == MigrationOutcomeStatus.Migrated || r.Status == MigrationOutcomeStatus.Linked))
            .ExecuteUpdateAsync(set => set
                .SetProperty(r => r.Status, MigrationOutcomeStatus.RolledBack)
                .SetProperty(r => r.Reason, $"Rolled back by {actor.Name}.")
                .SetProperty(r => r.CompletedAt, now), cancellationToken);
        var user = await db.EndUsers.Include(u => u.Client).SingleAsync(u => u.Id == endUserId, cancellationToken);
        if (claimed == 0 || user is not { MigratedToSso: true, SsoAccountId: { } accountId })
        {
            return UserRollbackOutcome.NotMigrated;
        }

        var rollback = await accounts.RollBackProductAccessAsync(accountId, ProductRoles.PortalEndUser, cancellationToken);
        user.MigratedToSso = false;
        user.MigratedAt = null;
        user.SsoAccountId = null;
        user.LegacyPasswordHash = rollback.PasswordHash;
        // A client with a user on the legacy login again is not migrated: its new users start there too.
        user.Client!.MigratedToSsoAt = null;
        var account = rollback.Removal switch
        {
            ProductAccessRemoval.AccountDeleted => "deleted",
            ProductAccessRemoval.RoleRemoved => "kept for other products",
            _ => "not found",
        };
        audit.Record(actor, AuditActions.UserRolledBack, user.Client.PartnerId, new AuditTarget("end-user", user.Id.ToString(), user.DisplayName),
            new { MigratedToSso = true }, new { MigratedToSso = false, SsoAccount = account });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return UserRollbackOutcome.RolledBack;
    }
}
