using Api.Infrastructure.Transactions;
using Microsoft.EntityFrameworkCore;

namespace Api.Sso.Accounts;

/// <summary>What undoing a product's access left: the password the person uses today, and what became of the account.</summary>
/// <param name="PasswordHash">The account's current hash (a migrated legacy hash, or the current algorithm's after an SSO sign-in); null when it has none.</param>
public sealed record ProductAccessRollback(string? PasswordHash, ProductAccessRemoval Removal);

public sealed partial class AccountAdministration
{
    /// <summary>
    /// A product takes a person back to its own login (a migration rolled back): hands back the
    /// account's current password hash, so the password they use today keeps working there, and
    /// removes the product's role as <see cref="RemoveProductAccessAsync"/> does (an account left
    /// with no role is deleted; every session ends after the commit).
    /// </summary>
    public async Task<ProductAccessRollback> RollBackProductAccessAsync(string accountId, string productRole, CancellationToken cancellationToken = default)
    {
        await using var transaction = await SharedTransaction.BeginAsync(db, cancellationToken);
        var account = await db.Users.AsNoTracking().Where(a => a.Id == accountId).Select(a => new { a.PasswordHash }).FirstOrDefaultAsync(cancellationToken);
        if (account is null)
        {
            return new ProductAccessRollback(null, ProductAccessRemoval.NotFound);
        }

        var removal = await RemoveProductAccessAsync(accountId, productRole, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ProductAccessRollback(account.PasswordHash, removal);
    }
}
