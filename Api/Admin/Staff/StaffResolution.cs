using Api.Infrastructure;
using Api.Sso.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.Staff;

/// <summary>
/// Finds who the caller is for the admin area: the staff row of their SSO account (read on every
/// request, so a removed staff member loses access at once, not when their token expires), or
/// the platform operator role of their token. Anyone else gets 403 with a sentence.
/// </summary>
public sealed class StaffResolution : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var staff = await ResolveAsync(http);
        if (staff is null)
        {
            return Problems.Forbidden("not-staff", "Partner staff only", "This area is for your IT provider's staff. Sign in with a staff account.");
        }

        http.Items[typeof(StaffMember)] = staff;
        return await next(context);
    }

    private static async Task<StaffMember?> ResolveAsync(HttpContext http)
    {
        var accountId = http.User.GetUserId();
        if (accountId is null)
        {
            return null;
        }

        var services = http.RequestServices;
        var db = services.GetRequiredService<AppDbContext>();
        var accounts = services.GetRequiredService<AccountAdministration>();
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
