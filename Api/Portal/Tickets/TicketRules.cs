namespace Api.Portal.Tickets;

/// <summary>The sizes a ticket accepts; checked before anything is read into memory or written.</summary>
public static class TicketRules
{
    public const int MaxSubjectLength = 200;
    public const int MaxTextLength = 8000;

    /// <summary>One attachment per ticket, up to 5 MB: screenshots, logs, a PDF.</summary>
    public const long MaxAttachmentBytes = 5 * 1024 * 1024;
}
