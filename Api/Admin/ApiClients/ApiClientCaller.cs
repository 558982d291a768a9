using Api.Admin.Staff;
using Api.Data;
using Api.Shared;
using Api.Shared.Limits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Api.Admin.ApiClients;

/// <summary>
/// Makes a machine client's token (already checked by the SSO: signature, and the client not
/// revoked) the admin area's caller: the same <see cref="StaffMember"/> as a staff session, scoped
/// to the API client's partner (its row, which must agree with the token's partner claim), named
/// in the audit log as the API client. admin.write and scim act with a partner admin's rights, admin.read
/// with a technician's (and <see cref="ApiClientScopeRequirement"/> keeps them to their scope).
/// </summary>
public sealed class ApiClientCaller(AppDbContext db, RedisBudget budget, IOptions<ApiClientLimitOptions> options, TimeProvider clock)
{
    /// <summary>The token claim that names the API client's partner (stamped in by the SSO at each issue).</summary>
    public const string PartnerClaim = "partner_id";

    /// <summary>"Last used" is written at most this often per client: it is a hint for the list, not a log.</summary>
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public async Task<StaffMember?> ResolveAsync(HttpContext http)
    {
        var clientId = http.User.FindFirst("client_id")?.Value;
        var client = clientId is null ? null : await db.Set<ApiClient>().AsNoTracking()
            .Where(c => c.ClientId == clientId && c.RevokedAt == null)
            .Select(c => new { c.Id, c.Name, c.PartnerId, c.LastUsedAt })
            .FirstOrDefaultAsync(http.RequestAborted);
        if (client is null || http.User.FindFirst(PartnerClaim)?.Value != client.PartnerId.ToString())
        {
            return null;
        }

        // Written only when the row read says it is stale: an UPDATE on every request would take
        // SQLite's one write lock on every API call, even when it matched no row.
        var now = clock.GetUtcNow().UtcDateTime;
        var stale = now - LastUsedResolution;
        if (client.LastUsedAt is null || client.LastUsedAt < stale)
        {
            await db.Set<ApiClient>().Where(c => c.Id == client.Id && (c.LastUsedAt == null || c.LastUsedAt < stale))
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.LastUsedAt, now), http.RequestAborted);
        }

        // The scope requirements keep each token to its scopes; the role only lets write and scim
        // tokens past the partner-admin checks their policies also hold.
        var scopes = ApiClientScopes.Of(http.User);
        var role = scopes.Contains(ApiClientScopes.AdminWrite) || scopes.Contains(ApiClientScopes.Scim) ? ProductRoles.PartnerAdmin : ProductRoles.PartnerTechnician;
        return new StaffMember($"api-client:{client.Id}", $"API client “{client.Name}”", "", role, client.PartnerId,
            http.Connection.RemoteIpAddress?.ToString(), ApiClientId: client.Id);
    }

    /// <summary>Takes one request from the client's budget (shared by every replica); how long to wait when it is spent.</summary>
    public async Task<TimeSpan?> ThrottleAsync(StaffMember caller)
    {
        var limits = options.Value;
        var refusal = await budget.TryTakeAllAsync([new BudgetLimit($"api-client:requests:{{{caller.ApiClientId}}}", limits.RequestsPerWindow, limits.RequestWindow)]);
        return refusal?.RetryAfter;
    }
}
