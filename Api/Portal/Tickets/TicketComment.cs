namespace Api.Portal.Tickets;

/// <summary>One message on a ticket, from the end user side or from the partner's staff.</summary>
public sealed class TicketComment
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TicketId { get; set; }
    public Ticket? Ticket { get; set; }

    /// <summary>Set when an end user wrote it (the opener, or a client manager of the same client).</summary>
    public Guid? AuthorEndUserId { get; set; }

    /// <summary>Set when partner staff wrote it: the SSO account of the staff member.</summary>
    public string? AuthorStaffAccountId { get; set; }

    /// <summary>The author's name when they wrote it; a later rename or deletion does not rewrite history.</summary>
    public required string AuthorName { get; set; }
    public bool FromStaff { get; set; }
    public required string Body { get; set; }
    public DateTime CreatedAt { get; set; }
}
