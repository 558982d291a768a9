using Microsoft.EntityFrameworkCore;

namespace Api.Portal.Tickets;

/// <summary>
/// Everything a ticket's page shows, read in one query that never loads an attachment's bytes;
/// the end user's and the staff's views are cut from it.
/// </summary>
public sealed record TicketSnapshot(
    Guid Id,
    string Subject,
    string Description,
    string Status,
    string Priority,
    Guid ClientId,
    string ClientName,
    string OpenedByName,
    string OpenedByEmail,
    TicketDevice? Device,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    IReadOnlyList<AttachmentInfo> Attachments,
    IReadOnlyList<TicketCommentView> Comments)
{
    public string Reference => TicketReference.Of(Id);

    public bool IsClosed => Status == TicketStatuses.Closed;

    /// <summary>The ticket if it is among <paramref name="visible"/> (the caller's scope); null otherwise.</summary>
    public static Task<TicketSnapshot?> ReadAsync(IQueryable<Ticket> visible, Guid ticketId, CancellationToken cancellationToken) =>
        visible.Where(t => t.Id == ticketId)
            .Select(t => new TicketSnapshot(
                t.Id,
                t.Subject,
                t.Description,
                t.Status,
                t.Priority,
                t.ClientId,
                t.Client!.Name,
                t.OpenedBy!.DisplayName,
                t.OpenedBy.Email,
                t.Device == null ? null : new TicketDevice(t.Device.Id, t.Device.Name),
                t.CreatedAt,
                t.UpdatedAt,
                t.Attachments.OrderBy(a => a.CreatedAt).ThenBy(a => a.Id)
                    .Select(a => new AttachmentInfo(a.Id, a.FileName, a.ContentType, a.Size)).ToList(),
                t.Comments.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
                    .Select(c => new TicketCommentView(c.Id, c.AuthorName, c.FromStaff, c.Body, c.CreatedAt)).ToList()))
            .AsSplitQuery()
            .FirstOrDefaultAsync(cancellationToken);

    public TicketDetail ForEndUser() => new(
        Id, Reference, Subject, Description, Status, Priority, ClientName, OpenedByName, Device, CreatedAt, UpdatedAt, Attachments, Comments,
        CanComment: !IsClosed,
        CanClose: !IsClosed);
}
