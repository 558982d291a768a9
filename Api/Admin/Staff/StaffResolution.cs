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
        var staff = await FindAsync(context.HttpContext);
        return staff is null
            ? Problems.Forbidden("not-staff", "Partner staff only", "This area is for your IT provider's staff. Sign in with a staff account.")
            : await next(context);
    }

    /// <summary>
    /// The caller as staff, or null; resolved once per request. Parameter binding (a handler's
    /// <see cref="StaffMember"/>) runs before endpoint filters, so both come here.
    /// </summary>
    public static async Task<StaffMember?> FindAsync(HttpContext http)
    {
        if (http.Items.TryGetValue(typeof(StaffMember), out var resolved))
        {
            return resolved as StaffMember;
        }

        var staff = await ResolveAsync(http);
        http.Items[typeof(StaffMember)] = staff;
        return staff;
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
