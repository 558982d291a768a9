using Api.Data;
using Api.Shared;
using Api.Sso.Accounts;

namespace Api.Portal;

/// <summary>A partner admin who can be mailed: their partner, sign-in address and name.</summary>
public sealed record PartnerAdminContact(Guid PartnerId, string Email, string Name);

public static class PartnerAdmins
{
    /// <summary>
    /// The admins of these partners whose SSO accounts are not disabled: whom the platform tells
    /// about their partner's business (migration notices, a declined access request). A query, so
    /// callers add nothing and read it once.
    /// </summary>
    public static IQueryable<PartnerAdminContact> Of(AppDbContext db, AccountAdministration accounts, IReadOnlyCollection<Guid> partnerIds) =>
        from staff in db.PartnerStaff
        where partnerIds.Contains(staff.PartnerId) && staff.Role == ProductRoles.PartnerAdmin
        join account in accounts.Standings on staff.SsoAccountId equals account.AccountId
        where !account.Disabled
        select new PartnerAdminContact(staff.PartnerId, account.Email, account.Name);
}
