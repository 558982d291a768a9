using Api.Admin.Staff;
using Api.Portal;
using Api.Sso.Accounts;

namespace Api.Admin.EndUsers;

/// <summary>What a caller may do about the person behind an end user row.</summary>
public enum EndUserAuthority
{
    /// <summary>Everything: the row and how the person signs in (e-mail, password mail, MFA reset, unlock, disable, delete).</summary>
    Full,

    /// <summary>
    /// Only the portal access the partner granted (role, client, enable/disable/delete of the row):
    /// the sign-in behind the row belongs to someone else (the platform, or its owner who has not
    /// accepted yet).
    /// </summary>
    PortalAccessOnly,
}

/// <summary>
/// Who owns the sign-in behind an end user row (docs/SECURITY.md, "Who owns an account"). An
/// address a partner types is a claim about someone, never proof: a partner changes credentials and
/// identity only on an SSO account it created (<see cref="PartnerSteward"/>) that has since become
/// neither staff nor operator, or on a portal login no SSO account shares an address with. A
/// platform operator acts for the platform and may do everything.
/// </summary>
public sealed class AccountOwnership(PartnerSteward steward, AccountAdministration accounts)
{
    public async Task<EndUserAuthority> OfAsync(StaffMember staff, EndUser user, CancellationToken cancellationToken)
    {
        if (staff.IsOperator)
        {
            return EndUserAuthority.Full;
        }

        if (user.PendingAccountId is not null)
        {
            return EndUserAuthority.PortalAccessOnly;
        }

        if (user is { MigratedToSso: true, SsoAccountId: { } accountId })
        {
            return await steward.ManagesAsync(user.PartnerId, accountId, cancellationToken) ? EndUserAuthority.Full : EndUserAuthority.PortalAccessOnly;
        }

        // A portal login (not on SSO): its unlock and password mail act on the address, which an SSO
        // account may share (typed before this rule, or created since): then it is not the partner's.
        return await accounts.FindAccountAsync(user.Email, cancellationToken) is null ? EndUserAuthority.Full : EndUserAuthority.PortalAccessOnly;
    }
}
