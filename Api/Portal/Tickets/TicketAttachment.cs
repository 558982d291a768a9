namespace Api.Portal.Tickets;

/// <summary>
/// A file the end user attached when opening a ticket. The bytes live in SQL beside the ticket so
/// that a ticket and its attachment are written in one transaction; list and detail queries project
/// the metadata and never load <see cref="Content"/>.
/// </summary>
public sealed class TicketAttachment
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TicketId { get; set; }
    public Ticket? Ticket { get; set; }
    public required string FileName { get; set; }

    /// <summary>The type recognised from the file's own bytes, not the one the browser claimed.</summary>
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required byte[] Content { get; set; }
    public DateTime CreatedAt { get; set; }
}
