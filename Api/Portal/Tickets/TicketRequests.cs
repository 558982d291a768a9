namespace Api.Portal.Tickets;

/// <summary>
/// The new-ticket form, sent as multipart/form-data because it may carry a file. Every field is
/// read as text and checked by <see cref="OpenTicket"/>, so a wrong value gets a sentence, not a
/// binding error. A class, not a record: the form binder sets only the fields that were sent.
/// </summary>
public sealed class OpenTicketForm
{
    public string? Subject { get; init; }

    public string? Description { get; init; }

    /// <summary>Low, Normal (when absent), High or Urgent.</summary>
    public string? Priority { get; init; }

    /// <summary>One of the caller's devices, or absent.</summary>
    public string? DeviceId { get; init; }

    /// <summary>One file of up to 5 MB of a kind on <see cref="AttachmentTypes.All"/>, its name, declared type and bytes agreeing.</summary>
    public IFormFile? Attachment { get; init; }
}

public sealed record AddCommentRequest(string? Body);
