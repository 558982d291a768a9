namespace Api.Portal.Tickets;

/// <summary>One ticket as its end user (or their client manager) reads it; the staff's view adds to it (<c>AdminTicketDetail</c>).</summary>
/// <param name="CanComment">False once the ticket is closed: a new problem needs a new ticket.</param>
/// <param name="CanClose">False once the ticket is closed.</param>
public record TicketDetail(
    Guid Id,
    string Reference,
    string Subject,
    string Description,
    string Status,
    string Priority,
    string ClientName,
    string OpenedByName,
    TicketDevice? Device,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    IReadOnlyList<AttachmentInfo> Attachments,
    IReadOnlyList<TicketCommentView> Comments,
    bool CanComment,
    bool CanClose);

/// <summary>The device a ticket names.</summary>
public sealed record TicketDevice(Guid Id, string Name);

/// <summary>An attachment's metadata; its bytes come from the attachment's own address.</summary>
public sealed record AttachmentInfo(Guid Id, string FileName, string ContentType, long Size);

public sealed record TicketCommentView(Guid Id, string AuthorName, bool FromStaff, string Body, DateTime CreatedAt);
