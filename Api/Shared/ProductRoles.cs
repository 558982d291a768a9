namespace Api.Shared;

/// <summary>
/// The Api's one role vocabulary. Product roles (held by an SSO account, carried in its tokens)
/// and partner staff roles (held by a <c>PartnerStaff</c> row) share these names, so a policy,
/// an audit entry and a test all spell a role the same way.
/// </summary>
public static class ProductRoles
{
    /// <summary>Granted to an SSO account when a portal end user is linked to it.</summary>
    public const string PortalEndUser = "portal-end-user";

    /// <summary>Partner staff: manages the partner's clients and their end users (everything in the admin area).</summary>
    public const string PartnerAdmin = "partner-admin";

    /// <summary>Partner staff: reads, resends activation e-mails and unlocks end users; changes nothing else.</summary>
    public const string PartnerTechnician = "partner-technician";

    /// <summary>Runs the platform (migration batches, operator status) and sees every partner.</summary>
    public const string PlatformOperator = "platform-operator";

    /// <summary>A role in another product of the platform (the RMM console): migration must keep it.</summary>
    public const string RmmTechnician = "rmm-technician";

    /// <summary>Administers the RMM console (another product of the platform).</summary>
    public const string RmmAdmin = "rmm-admin";

    /// <summary>The roles a partner staff row may hold.</summary>
    public static readonly IReadOnlyList<string> StaffRoles = [PartnerAdmin, PartnerTechnician];

    /// <summary>What every portal role's name starts with; the whole prefix is the platform's, for roles still to come.</summary>
    public const string PortalPrefix = "portal-";

    /// <summary>
    /// The platform's own roles: staff, operators and every <c>portal-*</c> role. They are given
    /// by the platform itself (staff rows, migration), so no product may hand them out.
    /// </summary>
    public static bool IsPlatformRole(string role) =>
        role is PlatformOperator or PartnerAdmin or PartnerTechnician || role.StartsWith(PortalPrefix, StringComparison.Ordinal);
}
