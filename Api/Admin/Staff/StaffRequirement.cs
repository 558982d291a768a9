using Api.Infrastructure;
using Api.Sso.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.Staff;

/// <summary>
/// The caller is partner staff (a staff row of their SSO account, read on every request so a
/// removed staff member loses access at once, not when their token expires) or a platform
/// operator (the role in their token). The resolved <see cref="StaffMember"/> is kept for the
/// handler, which takes it as a parameter.
/// </summary>
public sealed class StaffRequirement : IAuthorizationRequirement
{
    public const string Refusal = "This area is for your IT provider's staff. Sign in with a staff account.";
}

public sealed class StaffAuthorizationHandler(AppDbContext db, AccountAdministration accounts) : AuthorizationHandler<StaffRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, StaffRequirement requirement)
    {
        var http = context.Resource as HttpContext;
        var staff = http is null ? null : await ResolveAsync(http);
        if (staff is null)
        {
            context.Fail(new AuthorizationFailureReason(this, StaffRequirement.Refusal));
            return;
        }

        http!.Items[typeof(StaffMember)] = staff;
        context.Succeed(requirement);
    }

    private async Task<StaffMember?> ResolveAsync(HttpContext http)
    {
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
