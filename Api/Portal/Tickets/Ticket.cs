namespace Api.Portal.Tickets;

/// <summary>
/// An end user's request for help from their MSP. It belongs to the client (a client manager sees
/// all of the client's tickets) and to the end user who opened it.
/// </summary>
public sealed class Ticket
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ClientId { get; set; }
    public Client? Client { get; set; }
    public Guid OpenedById { get; set; }
    public EndUser? OpenedBy { get; set; }

    /// <summary>The device the problem is about, if the end user named one (one of theirs or, for a client manager, the client's).</summary>
    public Guid? DeviceId { get; set; }
    public Devices.Device? Device { get; set; }

    public required string Subject { get; set; }
    public required string Description { get; set; }
    public string Priority { get; set; } = TicketPriorities.Normal;
    public string Status { get; set; } = TicketStatuses.Open;
    public DateTime CreatedAt { get; set; }

    /// <summary>The last time anyone wrote on the ticket or changed its status: lists sort by it.</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>Whether the last comment came from partner staff (the end user has an answer to read).</summary>
    public bool AwaitingEndUser { get; set; }

    /// <summary>Bumped by every change, so that two staff members answering at once cannot lose a status change.</summary>
    public int Version { get; set; }

    public List<TicketComment> Comments { get; set; } = [];
    public List<TicketAttachment> Attachments { get; set; } = [];
}
