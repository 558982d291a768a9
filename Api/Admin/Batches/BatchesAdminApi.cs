using Api.Admin.Funnel;
using Api.Shared;

namespace Api.Admin.Batches;

/// <summary>
/// The migration in the admin area: platform operators plan, announce, run, watch and undo
/// batches (<c>/api/admin/migration/batches</c>); partner staff see the batches coming for their
/// clients.
/// </summary>
public static class BatchesAdminApi
{
    public static RouteGroupBuilder MapBatchesAdmin(this RouteGroupBuilder admin)
    {
        var migration = admin.MapGroup("/migration").WithTags("Migration");
        migration.MapUpcomingBatches();
        migration.MapFunnelApi();

        var batches = migration.MapGroup("/batches").RequireAuthorization(AuthorizationPolicies.Operator);
        batches.MapBatchPlanning();
        batches.MapBatchExecution();
        batches.MapBatchTimeline();
        return admin;
    }
}
