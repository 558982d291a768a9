using Api.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Admin.Staff;

/// <summary>Partner admins and operators, not technicians: the <see cref="AuthorizationPolicies.Manager"/> policy.</summary>
public sealed class ManagerRequirement : IStaffRoleRequirement
{
    public const string Kind = "admin-only";
    public const string Title = "Partner admins only";
    public const string Refusal = "Only a partner admin can do this. Ask a partner admin of your company.";

    public bool IsMetBy(StaffMember staff) => staff.CanManage;

    public ProblemRefusal RefusalFor(IAuthorizationHandler handler) => new ProblemRefusal(handler, Kind, Title, Refusal);

    /// <summary>The same answer from a handler that decides by its input (a bulk disable; a bulk resend is for technicians too).</summary>
    public static ProblemHttpResult Problem() => Problems.Forbidden(Kind, Title, Refusal);
}
