using Api.Shared;
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

    /// <summary>Every refusal ends with the list of what is accepted, so the user knows what to send instead.</summary>
    public static ProblemHttpResult AttachmentRefused(AttachmentRefusal refusal) =>
        Problems.Status(StatusCodes.Status415UnsupportedMediaType, "File type not accepted", refusal switch
        {
            AttachmentRefusal.HoldsMacros =>
                $"Office documents with macros cannot be attached. Save it as a .docx, .xlsx or .pptx document without macros and attach that. {AttachmentTypes.Accepted}",
            AttachmentRefusal.Disagrees =>
                $"This file's content does not match its name or its type, so it cannot be attached. {AttachmentTypes.Accepted}",
            _ => $"This kind of file cannot be attached. {AttachmentTypes.Accepted}",
        });
}
