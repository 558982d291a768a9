using Api.Shared;
using Microsoft.AspNetCore.Authorization;

namespace Api.Admin.Staff;

/// <summary>
/// The <see cref="AuthorizationPolicies.Scim"/> policy's role: a partner admin. A platform operator
/// is refused: SCIM provisions one partner's end users, and an operator belongs to no partner, so
/// a provisioning client acting as one could not be scoped.
/// </summary>
public sealed class ScimProvisionerRequirement : IStaffRoleRequirement
{
    public const string Kind = "scim-partner-admin-only";
    public const string Title = "Partner admins only";
    public const string Refusal = "SCIM provisions one partner's end users: only a partner admin (or an API client of that partner with the scim scope) can use it.";

    public bool IsMetBy(StaffMember staff) => staff is { Role: ProductRoles.PartnerAdmin, PartnerId: not null };

    public ProblemRefusal RefusalFor(IAuthorizationHandler handler) => new(handler, Kind, Title, Refusal);
}
