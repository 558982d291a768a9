using Api.Shared;
using Microsoft.AspNetCore.Authorization;

namespace Api.Admin.Staff;

/// <summary>
/// A role the admin area's caller must have beyond being staff (may change things, is an
/// operator). <see cref="StaffAuthorizationHandler"/> checks it with the <see cref="StaffMember"/> it
/// resolves for the <see cref="StaffRequirement"/>, so a policy with one has that requirement too.
/// </summary>
public interface IStaffRoleRequirement : IAuthorizationRequirement
{
    bool IsMetBy(StaffMember staff);

    /// <summary>Why a staff member without the role is refused: the 403's type, title and sentence.</summary>
    ProblemRefusal RefusalFor(IAuthorizationHandler handler);
}
