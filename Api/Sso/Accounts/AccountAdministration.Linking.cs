using Microsoft.EntityFrameworkCore;

namespace Api.Sso.Accounts;

/// <summary>An account found by e-mail: who it is and who manages it (<see cref="SsoAccount.ManagedBy"/>; null: the platform).</summary>
public sealed record ExistingAccount(string AccountId, string Email, string DisplayName, string? ManagedBy);

public sealed partial class AccountAdministration
{
    /// <summary>
    /// The account that signs in with this e-mail, if any, and who manages it. An address typed by
    /// an administrator is a claim about someone: the caller links an existing account only when
    /// it manages it, and otherwise asks the account's owner first.
    /// </summary>
    public async Task<ExistingAccount?> FindAccountAsync(string email, CancellationToken cancellationToken = default)
    {
        var normalized = users.NormalizeEmail(email);
        return await db.Users.AsNoTracking()
            .Where(a => a.NormalizedEmail == normalized)
            .Select(a => new ExistingAccount(a.Id, a.Email!, a.DisplayName, a.ManagedBy))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Gives an existing account a product's role, with its owner's consent (they accepted, signed
    /// in): nothing else on the account changes. False for an unknown account.
    /// </summary>
    public async Task<bool> GrantProductRoleAsync(string accountId, string productRole, CancellationToken cancellationToken = default)
    {
        var account = await users.FindByIdAsync(accountId);
        if (account is null)
        {
            return false;
        }

        if (!await users.IsInRoleAsync(account, productRole))
        {
            _ = await RoleNamedAsync(productRole);
            Check(await users.AddToRoleAsync(account, productRole));
        }

        return true;
    }
}
