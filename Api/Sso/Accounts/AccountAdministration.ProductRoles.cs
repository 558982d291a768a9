using Api.Shared.Transactions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Api.Sso.Accounts;

/// <summary>An account's roles within one product's set, before and after <see cref="AccountAdministration.SetProductRolesAsync"/>.</summary>
public sealed record ProductRolesChange(IReadOnlyList<string> Before, IReadOnlyList<string> After)
{
    public bool Changed => !Before.SequenceEqual(After);

    /// <summary>A role was taken away: the account's sessions end, so every product asks again.</summary>
    public bool Removed => Before.Except(After).Any();
}

public sealed partial class AccountAdministration
{
    /// <summary>
    /// Ids of the accounts holding at least one role that is not among <paramref name="roles"/>:
    /// a query that others compose with their own (who else has given this account a role).
    /// </summary>
    public IQueryable<string> HoldingRolesOtherThan(IReadOnlyCollection<string> roles) =>
        from link in db.UserRoles.AsNoTracking()
        join role in db.Roles.AsNoTracking() on link.RoleId equals role.Id
        where !roles.Contains(role.Name!)
        select link.UserId;

    /// <summary>
    /// Sets which of <paramref name="productRoles"/> (the roles a product lets administrators give)
    /// the account holds: exactly <paramref name="granted"/>. Every other role stays as it is.
    /// Taking a role away renews the security stamp and ends every session after the commit, so
    /// each product signs the person in again and sees the change. Null for an unknown account.
    /// </summary>
    public async Task<ProductRolesChange?> SetProductRolesAsync(
        string accountId, IReadOnlyCollection<string> productRoles, IReadOnlyCollection<string> granted, CancellationToken cancellationToken = default)
    {
        if (granted.Except(productRoles, StringComparer.Ordinal).FirstOrDefault() is { } foreign)
        {
            throw new ArgumentException($"The role {foreign} is not among the product's roles.", nameof(granted));
        }

        await using var transaction = await SharedTransaction.BeginAsync(db, cancellationToken);
        // Writing the account's row first makes parallel edits of one account queue here (a row lock,
        // or SQLite's one writer) before they read its roles, so each sees the previous one's result.
        var concurrency = NewStamp();
        if (await db.Users.Where(a => a.Id == accountId)
                .ExecuteUpdateAsync(set => set.SetProperty(a => a.ConcurrencyStamp, concurrency), cancellationToken) == 0)
        {
            return null;
        }

        var held = await (from link in db.UserRoles
                          join role in db.Roles on link.RoleId equals role.Id
                          where link.UserId == accountId && productRoles.Contains(role.Name!)
                          select new { role.Id, role.Name })
            .ToListAsync(cancellationToken);
        var before = held.Select(r => r.Name!).Order(StringComparer.Ordinal).ToList();
        var after = granted.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var change = new ProductRolesChange(before, after);
        if (!change.Changed)
        {
            await transaction.CommitAsync(cancellationToken);
            return change;
        }

        foreach (var name in after.Except(before, StringComparer.Ordinal))
        {
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = accountId, RoleId = (await RoleNamedAsync(name)).Id });
        }

        var removed = held.Where(r => !after.Contains(r.Name!, StringComparer.Ordinal)).Select(r => r.Id).ToList();
        await db.UserRoles.Where(l => l.UserId == accountId && removed.Contains(l.RoleId)).ExecuteDeleteAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (change.Removed)
        {
            await RenewStampsAsync(accountId, _ => { }, cancellationToken);
            await AfterCommit.RunAsync(db, () => sessions.RevokeAllAsync(accountId));
        }

        await transaction.CommitAsync(cancellationToken);
        return change;
    }

    /// <summary>The role of this name, created the first time any account is given it.</summary>
    private async Task<IdentityRole> RoleNamedAsync(string name)
    {
        if (await roles.FindByNameAsync(name) is { } existing)
        {
            return existing;
        }

        var role = new IdentityRole(name);
        Check(await roles.CreateAsync(role));
        return role;
    }
}
