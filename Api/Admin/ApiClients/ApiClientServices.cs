using Api.Admin.Staff;
using Api.Audit;
using Api.Data;
using Api.Sso.MachineClients;
using Microsoft.Extensions.Options;

namespace Api.Admin.ApiClients;

/// <summary>What every API client action needs, bound by <c>[AsParameters]</c>; plus the audit entry they share.</summary>
public sealed record ApiClientServices(
    AppDbContext Db,
    MachineClientRegistry Registry,
    AuditLog Audit,
    TimeProvider Clock,
    IOptions<ApiClientLimitOptions> Limits)
{
    /// <summary>The caller's partner's API clients (none for an operator: API clients belong to a partner).</summary>
    public IQueryable<ApiClient> Visible(StaffMember staff) =>
        Db.Set<ApiClient>().Where(c => c.PartnerId == staff.PartnerId);

    public void Record(StaffMember staff, string action, ApiClient client, object? before = null, object? after = null) =>
        Audit.Record(staff.Actor, action, client.PartnerId, new AuditTarget("api-client", client.Id.ToString(), client.Name), before, after);
}
