using Api.Admin.ApiClients;
using Api.Admin.AuditTrail;
using Api.Admin.Branding;
using Api.Admin.EndUsers;
using Api.Admin.HomeUsers;
using Api.Admin.ManageUsers;
using Api.Admin.Batches;
using Api.Admin.Reminders;
using Api.Admin.Staff;
using Api.Admin.Status;
using Api.Admin.Tickets;
using Api.Admin.Webhooks;
using Api.Shared;

namespace Api.Admin;

/// <summary>
/// The admin area's API: partner staff and platform operators, always with an MFA-backed
/// session (403 otherwise) and a staff role; another partner's ids answer 404. Some endpoints
/// ask for more: <see cref="AuthorizationPolicies.Manager"/> or <see cref="AuthorizationPolicies.Operator"/>.
/// </summary>
public static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin")
            .WithTags("Admin")
            .RequireAuthorization(AuthorizationPolicies.Staff)
            .NoStore();
        admin.MapStaffApi();
        admin.MapManageUsersApi();
        admin.MapEndUsersApi();
        admin.MapHomeUsersApi();
        admin.MapAuditTrailApi();
        admin.MapBatchesAdmin();
        admin.MapRemindersAdmin();
        admin.MapAdminTicketsApi();
        admin.MapBrandingApi();
        admin.MapWebhooksAdminApi();
        admin.MapOperatorStatusApi();
        admin.MapApiClientsApi();
        return app;
    }
}
