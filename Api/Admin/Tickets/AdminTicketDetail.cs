using Api.Portal.Tickets;

namespace Api.Admin.Tickets;

/// <summary>One ticket as partner staff read it: the end user's view plus the client and the opener's e-mail.</summary>
/// <param name="Statuses">The statuses staff may set, for the status select.</param>
public sealed record AdminTicketDetail(
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
    bool CanClose,
    Guid ClientId,
    string OpenedByEmail,
    IReadOnlyList<string> Statuses)
    : TicketDetail(
        Id, Reference, Subject, Description, Status, Priority, ClientName, OpenedByName, Device, CreatedAt, UpdatedAt, Attachments, Comments, CanComment, CanClose);

/// <param name="Status">The new status; null keeps it (an Open ticket becomes "Waiting for you").</param>
public sealed record AnswerTicketRequest(string? Body, string? Status);

public sealed record ChangeTicketStatusRequest(string? Status);
