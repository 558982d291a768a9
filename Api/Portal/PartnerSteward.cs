using Api.Data;
using Api.Shared;
using Api.Sso.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Api.Portal;

/// <summary>
/// Which SSO accounts a partner manages. The portal writes <see cref="Of"/> into an account it
/// creates for a partner's end user (<c>SsoAccount.ManagedBy</c>); that partner may then change how
/// the account signs in, as long as the account has become neither partner staff nor a platform
/// operator. Accounts created any other way carry no key: a partner never manages them, whatever
/// address it types (docs/SECURITY.md, "Who owns an account").
/// </summary>
public sealed class PartnerSteward(AppDbContext db, AccountAdministration accounts)
{
    public static string Of(Guid partnerId) => $"partner:{partnerId:N}";

    /// <summary>Whether this partner manages the account: created it, and it is neither partner staff nor a platform operator since.</summary>
    public async Task<bool> ManagesAsync(Guid partnerId, string accountId, CancellationToken cancellationToken)
    {
        var key = Of(partnerId);
        if (!await accounts.Standings.AnyAsync(a => a.AccountId == accountId && a.ManagedBy == key, cancellationToken)
            || await db.PartnerStaff.AnyAsync(s => s.SsoAccountId == accountId, cancellationToken))
        {
            return false;
        }

        var roles = await accounts.RolesOfAsync([accountId], cancellationToken);
        return !(roles.GetValueOrDefault(accountId) ?? []).Contains(ProductRoles.PlatformOperator);
    }

    /// <summary>
    /// The existing SSO account with this address that the partner does not manage, if any: a row
    /// given that address must wait for the account's owner (<see cref="AccessRequests.OwnerConsent"/>).
    /// </summary>
    public async Task<ExistingAccount?> AccountOfSomeoneElseAsync(string email, Guid partnerId, CancellationToken cancellationToken) =>
        await accounts.FindAccountAsync(email, cancellationToken) is { } account && !await ManagesAsync(partnerId, account.AccountId, cancellationToken)
            ? account
            : null;
}
