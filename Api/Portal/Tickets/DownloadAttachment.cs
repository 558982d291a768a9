using Api.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Portal.Tickets;

public static class DownloadAttachment
{
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> HandleAsync(
        Guid ticketId, Guid attachmentId, PortalScope? portal, AppDbContext db, CancellationToken cancellationToken) =>
        portal is null
            ? PortalScope.NoAccess()
            : await AttachmentDownload.SendAsync(portal.Tickets(db.Tickets), ticketId, attachmentId, cancellationToken);
}
