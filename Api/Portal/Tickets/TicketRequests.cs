namespace Api.Portal.Tickets;

/// <summary>
/// The new-ticket form, sent as multipart/form-data because it may carry a file. Every field is
/// read as text and checked by <see cref="OpenTicket"/>, so a wrong value gets a sentence, not a binding error.
/// </summary>
public sealed record OpenTicketForm(
    string? Subject,
    string? Description,
    string? Priority,
    string? DeviceId,
    IFormFile? Attachment);

public sealed record AddCommentRequest(string? Body);
