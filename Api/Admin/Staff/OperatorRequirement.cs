using Api.Shared;
using Microsoft.AspNetCore.Authorization;

namespace Api.Admin.Staff;

/// <summary>Platform operators only (the migration console, the platform's status): the <see cref="AuthorizationPolicies.Operator"/> policy.</summary>
public sealed class OperatorRequirement : IStaffRoleRequirement
{
    public const string Kind = "operator-only";
    public const string Title = "Platform operators only";
    public const string Refusal = "Only platform operators can do this: plan and run migration batches, and read the system status.";

    public bool IsMetBy(StaffMember staff) => staff.IsOperator;

    public ProblemRefusal RefusalFor(IAuthorizationHandler handler) => new ProblemRefusal(handler, Kind, Title, Refusal);
}
