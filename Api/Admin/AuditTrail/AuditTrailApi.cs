using Api.Shared.Paging;

namespace Api.Admin.AuditTrail;

/// <summary>The audit log as staff read it: their partner's events only (operators: every event), newest first.</summary>
public static class AuditTrailApi
{
    public static RouteGroupBuilder MapAuditTrailApi(this RouteGroupBuilder admin)
    {
        admin.MapGet("/audit", ListAuditEvents.HandleAsync)
            .WithName("ListAuditEvents")
            .DescribePaging(PageSizeLimits.Standard)
            .WithSummary("Audit events, newest first, filtered by action, target and time; one page at a time.");
        admin.MapGet("/audit/export.csv", ExportAuditEvents.Handle)
            .WithName("ExportAuditEvents")
            .WithSummary("The same audit events as a CSV file, streamed row by row.")
            .Produces(StatusCodes.Status200OK, contentType: ExportAuditEvents.ContentType);
        return admin;
    }
}
