using Api.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Portal.Tickets;

/// <summary>The sentences the ticket endpoints answer with, for end users and staff alike.</summary>
public static class TicketProblems
{
    /// <summary>Someone else's ticket answers exactly like one that does not exist: no existence oracle.</summary>
    public static ProblemHttpResult NotFound() =>
        Problems.Status(StatusCodes.Status404NotFound, "Ticket not found", "We could not find that ticket.");

    public static ProblemHttpResult AttachmentNotFound() =>
        Problems.Status(StatusCodes.Status404NotFound, "Attachment not found", "We could not find that attachment.");

    public static ProblemHttpResult Closed() =>
        Problems.Status(StatusCodes.Status409Conflict, "Ticket closed", "This ticket is closed, so it takes no more comments. If you still need help, open a new one.");

    public static ProblemHttpResult ClosedForStaff() =>
        Problems.Status(StatusCodes.Status409Conflict, "Ticket closed", "This ticket is closed. Choose another status to reopen it with your answer.");

    public static ProblemHttpResult ChangedMeanwhile() =>
        Problems.Status(StatusCodes.Status409Conflict, "Ticket changed meanwhile", "Someone else changed this ticket at the same moment. Reload it and try again.");

    public static ProblemHttpResult AttachmentTooLarge() =>
        Problems.Status(
            StatusCodes.Status413PayloadTooLarge,
            "Attachment too large",
            $"The attachment is larger than {TicketRules.MaxAttachmentBytes / (1024 * 1024)} MB. Attach a smaller file, or compress it into a ZIP archive.");

    public static ProblemHttpResult AttachmentTypeRefused() =>
        Problems.Status(StatusCodes.Status415UnsupportedMediaType, "File type not accepted", $"This kind of file cannot be attached. Attach {AttachmentTypes.Allowed}.");
}
