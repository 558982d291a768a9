using Api.Admin.ApiClients;
using Api.Data;
using Api.Shared;
using Api.Sso.Accounts;
using Api.Sso.MachineClients;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.Staff;

/// <summary>
/// Resolves the caller as a <see cref="StaffMember"/> once per authorization and checks the
/// <see cref="StaffRequirement"/> and any role (<see cref="IStaffRoleRequirement"/>) the policy asks
/// for. The resolved caller is kept for the handler, which takes it as a parameter.
/// </summary>
public sealed class StaffAuthorizationHandler(AppDbContext db, AccountAdministration accounts, ApiClientCaller apiClients) : IAuthorizationHandler
{
    public async Task HandleAsync(AuthorizationHandlerContext context)
    {
        var pending = context.PendingRequirements.Where(r => r is StaffRequirement or IStaffRoleRequirement).ToList();
        if (pending.Count == 0)
        {
            return;
        }

        var http = context.Resource as HttpContext;
        var staff = http is null ? null : await ResolveAsync(http);
        if (staff is null)
        {
            // Whatever role the policy asks for, someone who is not staff is told this area is for staff.
            context.Fail(new AuthorizationFailureReason(this, StaffRequirement.Refusal));
            return;
        }

        http!.Items[typeof(StaffMember)] = staff;
        if (staff.IsApiClient && await apiClients.ThrottleAsync(staff) is { } retryAfter)
        {
            context.Fail(new TooManyRequestsRefusal(this, retryAfter,
                $"This API client has made too many requests. Try again in {Problems.RetryAfterSeconds(retryAfter)} seconds."));
            return;
        }

        foreach (var requirement in pending)
        {
            if (requirement is IStaffRoleRequirement role && !role.IsMetBy(staff))
            {
                context.Fail(role.RefusalFor(this));
            }
            else
            {
                context.Succeed(requirement);
            }
        }
    }

    private async Task<StaffMember?> ResolveAsync(HttpContext http)
    {
        if (http.User.IsMachineClient())
        {
            return await apiClients.ResolveAsync(http);
        }

        var accountId = http.User.GetUserId();
        if (accountId is null)
        {
            return null;
        }

        var profile = await accounts.Standings.Where(a => a.AccountId == accountId && !a.Disabled)
            .Select(a => new { a.Name, a.Email })
            .FirstOrDefaultAsync(http.RequestAborted);
        if (profile is null)
        {
            return null;
        }

        var clientIp = http.Connection.RemoteIpAddress?.ToString();
        if (http.User.IsInRole(ProductRoles.PlatformOperator))
        {
            return new StaffMember(accountId, profile.Name, profile.Email, ProductRoles.PlatformOperator, PartnerId: null, clientIp);
        }

        var row = await db.PartnerStaff.AsNoTracking()
            .Where(s => s.SsoAccountId == accountId)
            .Select(s => new { s.PartnerId, s.Role })
            .FirstOrDefaultAsync(http.RequestAborted);
        return row is null || !ProductRoles.StaffRoles.Contains(row.Role)
            ? null
            : new StaffMember(accountId, profile.Name, profile.Email, row.Role, row.PartnerId, clientIp);
    }
}
