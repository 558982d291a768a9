using Api.Infrastructure;
using Api.Sso.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.Staff;

/// <summary>
/// Finds who the caller is for the admin area: the staff row of their SSO account (read on every
/// request, so a removed staff member loses access at once, not when their token expires), or
/// the platform operator role of their token. Anyone else gets 403 with a sentence.
/// </summary>
/// <remarks>
/// It wraps each admin endpoint's request delegate rather than being an endpoint filter: filters
/// run after parameter binding, and with <c>ThrowOnBadRequest</c> a handler's
/// <see cref="StaffMember"/> parameter, not yet resolved, failed binding as a 400 before a filter
/// could resolve it (or refuse a non-staff caller with 403).
/// </remarks>
public static class StaffResolution
{
    /// <summary>Resolves the caller before the endpoint binds its parameters (an <c>Finally</c> convention: after the delegate is built).</summary>
    public static void Wrap(EndpointBuilder endpoint)
    {
        var inner = endpoint.RequestDelegate ?? throw new InvalidOperationException($"{endpoint.DisplayName} has no request delegate to wrap.");
        endpoint.RequestDelegate = async http =>
        {
            var staff = await ResolveAsync(http);
            if (staff is null)
            {
                await Problems.Forbidden("not-staff", "Partner staff only", "This area is for your IT provider's staff. Sign in with a staff account.")
                    .ExecuteAsync(http);
                return;
            }

            http.Items[typeof(StaffMember)] = staff;
            await inner(http);
        };
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
