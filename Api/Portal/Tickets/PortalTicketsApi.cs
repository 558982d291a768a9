using Api.Shared;
using Api.Shared.Paging;
using Microsoft.AspNetCore.Mvc;

namespace Api.Portal.Tickets;

/// <summary>
/// The end user's tickets: list, open (with one attachment), read, comment, close, download the
/// attachment. Everything is scoped by <see cref="PortalScope"/>: another user's or client's id
/// answers 404 exactly like an unknown one.
/// </summary>
public static class PortalTicketsApi
{
    /// <summary>A comment of the longest text, even if every character takes four bytes or an escape.</summary>
    public const int MaxJsonBodyBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapPortalTicketsApi(this IEndpointRouteBuilder app)
    {
        var tickets = app.MapGroup("/api/portal/tickets").WithTags("Portal").RequireAuthorization().NoStore();
        tickets.MapGet("/", ListTickets.HandleAsync)
            .WithName("GetPortalTickets")
            .DescribePaging(TicketListQuery.PageSizes)
            .WithSummary("One page of the caller's tickets (a client manager's: the client's), newest activity first; status active (default), closed or all.");
        tickets.MapPost("/", OpenTicket.HandleAsync)
            .WithName("OpenTicket")
            .WithSummary("Opens a ticket (multipart form: subject, description, priority, optional deviceId and one attachment of up to 5 MB); 429 with Retry-After past the user's or client's ticket limits.")
            .DisableAntiforgery()
            .Accepts<OpenTicketForm>("multipart/form-data")
            .WithMetadata(new RequestSizeLimitAttribute(OpenTicket.MaxRequestBytes))
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        tickets.MapGet("/{ticketId:guid}", GetTicket.HandleAsync)
            .WithName("GetPortalTicket")
            .WithSummary("One ticket with its comments and attachments.");
        tickets.MapPost("/{ticketId:guid}/comments", AddComment.HandleAsync)
            .WithName("AddPortalTicketComment")
            .WithSummary("Adds the caller's comment; a resolved or waiting ticket becomes Open again, a closed one takes no comments (409).")
            .WithMetadata(new RequestSizeLimitAttribute(MaxJsonBodyBytes));
        tickets.MapPost("/{ticketId:guid}/close", CloseTicket.HandleAsync)
            .WithName("ClosePortalTicket")
            .WithSummary("Closes the ticket.");
        tickets.MapGet("/{ticketId:guid}/attachments/{attachmentId:guid}", DownloadAttachment.HandleAsync)
            .WithName("DownloadPortalTicketAttachment")
            .WithSummary("The attachment's file, as a download.")
            .Produces<byte[]>(StatusCodes.Status200OK, "application/octet-stream");
        return app;
    }
}
