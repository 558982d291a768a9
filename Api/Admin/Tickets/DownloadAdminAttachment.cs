using Api.Admin.Staff;
using Api.Data;
using Api.Portal.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Admin.Tickets;

public static class DownloadAdminAttachment
{
    public static Task<Results<FileContentHttpResult, ProblemHttpResult>> HandleAsync(
        Guid ticketId, Guid attachmentId, StaffMember staff, AppDbContext db, CancellationToken cancellationToken) =>
        AttachmentDownload.SendAsync(staff.Scope(db.Tickets), ticketId, attachmentId, cancellationToken);
}
