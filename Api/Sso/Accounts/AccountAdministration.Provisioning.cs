using Api.Shared.Transactions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Api.Sso.Accounts;

/// <summary>What became of an e-mail given to <see cref="AccountAdministration.ProvisionAsync"/>.</summary>
/// <param name="Created">True for a new account; false when an account with that e-mail existed (from another product) and was linked.</param>
public sealed record ProvisionedAccount(string AccountId, bool Created);

public enum ActivationMail
{
    Sent,
    AlreadyActive,
    TooMany,
    NotFound,
}

public enum EmailChange
{
    Changed,
    Unchanged,
    Taken,
    NotFound,
}

public enum ProductAccessRemoval
{
    /// <summary>The account keeps its other products' roles; only this product's role went.</summary>
    RoleRemoved,

    /// <summary>The account had no other role, so it was deleted.</summary>
    AccountDeleted,
    NotFound,
}

public sealed partial class AccountAdministration
{
    /// <summary>
    /// Gives a person a platform account holding <paramref name="productRole"/>: a new one (with
    /// the given password hash, if any, an unverified e-mail, no authenticator, and
    /// <paramref name="managedBy"/> as its manager), or the existing account of that e-mail,
    /// linked rather than duplicated, keeping its other roles and its manager. Link an existing
    /// account only with its owner's consent or when the caller manages it (<see cref="FindAccountAsync"/>).
    /// </summary>
    public async Task<ProvisionedAccount> ProvisionAsync(
        string email, string displayName, string? passwordHash, string productRole, string? managedBy, CancellationToken cancellationToken = default)
    {
        await using var transaction = await SharedTransaction.BeginAsync(db, cancellationToken);
        var account = await users.FindByEmailAsync(email);
        var created = account is null;
        if (account is null)
        {
            account = new SsoAccount
            {
                UserName = email,
                Email = email,
                DisplayName = displayName,
                EmailConfirmed = false,
                PasswordHash = passwordHash,
                ManagedBy = managedBy,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            Check(await users.CreateAsync(account));
        }

        var role = await roles.FindByNameAsync(productRole);
        if (role is null)
        {
            role = new IdentityRole(productRole);
            Check(await roles.CreateAsync(role));
        }

        if (created)
        {
            // A new account has no role yet: one insert, rather than UserManager's checks and
            // re-validation of the account (five queries a user in a batch of thousands).
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = account.Id, RoleId = role.Id });
            await db.SaveChangesAsync(cancellationToken);
        }
        else if (!await users.IsInRoleAsync(account, productRole))
        {
            Check(await users.AddToRoleAsync(account, productRole));
        }

        await transaction.CommitAsync(cancellationToken);
        return new ProvisionedAccount(account.Id, created);
    }

    /// <summary>
    /// A password in the SSO's own format (Identity's current hasher), for <see cref="ProvisionAsync"/>:
    /// a person who just proved a password on a product's own form gets that password, not the
    /// product's older hash of it. Costs one hash: call it outside a transaction.
    /// </summary>
    public string HashPassword(string password) => hasher.HashPassword(new SsoAccount(), password);

    /// <summary>The name the platform shows for the account (the person's own choice is not kept apart from the admin's).</summary>
    public async Task<bool> RenameAsync(string accountId, string displayName, CancellationToken cancellationToken = default) =>
        await db.Users.Where(a => a.Id == accountId).ExecuteUpdateAsync(set => set.SetProperty(a => a.DisplayName, displayName), cancellationToken) == 1;

    /// <summary>
    /// Moves sign-in to a new e-mail. The new address must be activated before the next sign-in;
    /// every session ends; the old address is told. <see cref="EmailChange.Taken"/> when another
    /// account already signs in with it.
    /// </summary>
    public async Task<EmailChange> ChangeEmailAsync(string accountId, string newEmail, CancellationToken cancellationToken = default)
    {
        await using var transaction = await SharedTransaction.BeginAsync(db, cancellationToken);
        var account = await users.FindByIdAsync(accountId);
        if (account is null)
        {
            return EmailChange.NotFound;
        }

        var oldEmail = account.Email!;
        if (string.Equals(oldEmail, newEmail, StringComparison.OrdinalIgnoreCase))
        {
            return EmailChange.Unchanged;
        }

        account.Email = newEmail;
        account.UserName = newEmail;
        account.EmailConfirmed = false;
        account.SecurityStamp = NewStamp();
        var update = await users.UpdateAsync(account);
        if (!update.Succeeded)
        {
            return update.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName))
                ? EmailChange.Taken
                : throw new InvalidOperationException(string.Join(" ", update.Errors.Select(e => e.Description)));
        }

        emails.QueueEmailChanged(account.Id, oldEmail, account.DisplayName, newEmail);
        if (account.PasswordHash is null)
        {
            emails.QueueInvitation(account);
        }
        else
        {
            emails.QueueActivation(account);
        }

        await db.SaveChangesAsync(cancellationToken);
        await AfterCommit.RunAsync(db, () => sessions.RevokeAllAsync(accountId));
        await transaction.CommitAsync(cancellationToken);
        return EmailChange.Changed;
    }

    /// <summary>
    /// A product no longer gives the account access: its role goes, every session ends, and an
    /// account left with no role at all is deleted when <paramref name="deleteWhenNoRoleLeft"/>
    /// (the caller manages the account). An account with other products' roles stays; so does one
    /// the caller does not manage, whatever roles it has left.
    /// </summary>
    public async Task<ProductAccessRemoval> RemoveProductAccessAsync(
        string accountId, string productRole, CancellationToken cancellationToken = default, bool deleteWhenNoRoleLeft = true)
    {
        await using var transaction = await SharedTransaction.BeginAsync(db, cancellationToken);
        var account = await users.FindByIdAsync(accountId);
        if (account is null)
        {
            return ProductAccessRemoval.NotFound;
        }

        if (await users.IsInRoleAsync(account, productRole))
        {
            Check(await users.RemoveFromRoleAsync(account, productRole));
        }

        var outcome = ProductAccessRemoval.RoleRemoved;
        if (deleteWhenNoRoleLeft && (await users.GetRolesAsync(account)).Count == 0)
        {
            Check(await users.DeleteAsync(account));
            outcome = ProductAccessRemoval.AccountDeleted;
        }
        else
        {
            await RenewStampsAsync(accountId, _ => { }, cancellationToken);
        }

        await AfterCommit.RunAsync(db, () => sessions.RevokeAllAsync(accountId));
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
