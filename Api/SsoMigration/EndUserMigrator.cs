using Api.Infrastructure;
using Api.Sso.Accounts;
using Microsoft.AspNetCore.Identity;
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
public sealed class EndUserMigrator(AppDbContext db, UserManager<SsoAccount> users, RoleManager<IdentityRole> roles, TimeProvider clock)
{
    public async Task<MigrationOutcome> MigrateAsync(Guid endUserId, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = await db.EndUsers.SingleAsync(u => u.Id == endUserId, cancellationToken);
        if (user.MigratedToSso)
        {
            return MigrationOutcome.AlreadyMigrated;
        }

        var account = await users.FindByEmailAsync(user.Email);
        var outcome = account is null ? MigrationOutcome.Created : MigrationOutcome.Linked;
        if (account is null)
        {
            account = new SsoAccount
            {
                UserName = user.Email,
                Email = user.Email,
                DisplayName = user.DisplayName,
                EmailConfirmed = false,
                PasswordHash = user.LegacyPasswordHash,
            };
            Check(await users.CreateAsync(account));
        }

        if (!await roles.RoleExistsAsync(ProductRoles.PortalEndUser))
        {
            Check(await roles.CreateAsync(new IdentityRole(ProductRoles.PortalEndUser)));
        }

        if (!await users.IsInRoleAsync(account, ProductRoles.PortalEndUser))
        {
            Check(await users.AddToRoleAsync(account, ProductRoles.PortalEndUser));
        }

        user.MigratedToSso = true;
        user.MigratedAt = clock.GetUtcNow().UtcDateTime;
        user.SsoAccountId = account.Id;
        user.LegacyPasswordHash = null;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return outcome;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
