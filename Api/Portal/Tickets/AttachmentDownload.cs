using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Api.Portal.Tickets;

/// <summary>
/// An attachment's bytes, for the end user's and the staff's download alike: always as a download
/// (<c>Content-Disposition: attachment</c>) of the type recognised at upload, never rendered inline,
/// under a name cleaned again. The framework writes both <c>filename</c> (ASCII, other characters as
/// "_") and <c>filename*</c> (RFC 5987, UTF-8); <c>nosniff</c> is set for every answer by the host.
/// </summary>
public static class AttachmentDownload
{
    /// <param name="visible">The caller's tickets: an attachment of any other ticket answers 404.</param>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> SendAsync(
        IQueryable<Ticket> visible, Guid ticketId, Guid attachmentId, CancellationToken cancellationToken)
    {
        var file = await visible.Where(t => t.Id == ticketId)
            .SelectMany(t => t.Attachments)
            .Where(a => a.Id == attachmentId)
            .Select(a => new { a.Content, a.ContentType, a.FileName })
            .FirstOrDefaultAsync(cancellationToken);
        return file is null
            ? TicketProblems.AttachmentNotFound()
            : TypedResults.File(file.Content, file.ContentType, AttachmentFileName.ForDownload(file.FileName, file.ContentType));
    }
}
