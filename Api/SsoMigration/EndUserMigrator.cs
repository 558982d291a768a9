using Api.Infrastructure;
using Api.Infrastructure.Transactions;
using Api.Sso.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Api.SsoMigration;

public enum MigrationOutcome
{
    Created,
    Linked,
    AlreadyMigrated,
}

/// <summary>
/// Moves one end user from the portal's login to SSO. A new SSO account carries the legacy
/// hash (the same password keeps working, upgraded at first SSO login), an unverified e-mail
/// and no authenticator. An e-mail that already has an SSO account (from another product) is
/// linked, not duplicated, and keeps its other product roles. All or nothing.
/// </summary>
public sealed class EndUserMigrator(AppDbContext db, AccountAdministration accounts, TimeProvider clock)
{
    public async Task<MigrationOutcome> MigrateAsync(Guid endUserId, CancellationToken cancellationToken = default)
    {
        await using var transaction = await SharedTransaction.BeginAsync(db, cancellationToken);
        var user = await db.EndUsers.SingleAsync(u => u.Id == endUserId, cancellationToken);
        if (user.MigratedToSso)
        {
            return MigrationOutcome.AlreadyMigrated;
        }

        var account = await accounts.ProvisionAsync(user.Email, user.DisplayName, user.LegacyPasswordHash, ProductRoles.PortalEndUser, cancellationToken);
        user.MigratedToSso = true;
        user.MigratedAt = clock.GetUtcNow().UtcDateTime;
        user.SsoAccountId = account.AccountId;
        user.LegacyPasswordHash = null;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return account.Created ? MigrationOutcome.Created : MigrationOutcome.Linked;
    }
}
