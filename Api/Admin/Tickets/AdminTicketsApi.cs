using Api.Shared.Paging;
using Api.Portal.Tickets;
using Microsoft.AspNetCore.Mvc;

namespace Api.Admin.Tickets;

/// <summary>
/// The staff's side of tickets: the queue, one ticket, answer, change status, download the
/// attachment. Partner admins and technicians alike; scoped to the caller's partner (operators:
/// all); every change audited in its own transaction.
/// </summary>
public static class AdminTicketsApi
{
    public static RouteGroupBuilder MapAdminTicketsApi(this RouteGroupBuilder admin)
    {
        var tickets = admin.MapGroup("/tickets");
        tickets.MapGet("/", ListAdminTickets.HandleAsync)
            .WithName("GetAdminTickets")
            .DescribePaging(TicketListQuery.PageSizes)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One page of the partner's clients' tickets, newest activity first: by client, status (active, closed, all or one status), priority and search.");
        tickets.MapGet("/{ticketId:guid}", GetAdminTicket.HandleAsync)
            .WithName("GetAdminTicket")
            .WithSummary("One ticket with its comments, attachments and the statuses staff may set.");
        tickets.MapPost("/{ticketId:guid}/comments", AnswerTicket.HandleAsync)
            .WithName("AnswerTicket")
            .WithSummary("Answers the ticket (an Open ticket becomes Waiting for you unless a status is given); the end user is told by e-mail.")
            .WithMetadata(new RequestSizeLimitAttribute(PortalTicketsApi.MaxJsonBodyBytes));
        tickets.MapPut("/{ticketId:guid}/status", ChangeTicketStatus.HandleAsync)
            .WithName("ChangeTicketStatus")
            .WithSummary("Sets the ticket's status; setting the current status changes nothing.")
            .WithMetadata(new RequestSizeLimitAttribute(PortalTicketsApi.MaxJsonBodyBytes));
        tickets.MapGet("/{ticketId:guid}/attachments/{attachmentId:guid}", DownloadAdminAttachment.HandleAsync)
            .WithName("DownloadAdminTicketAttachment")
            .WithSummary("The attachment's file, as a download.")
            .Produces<byte[]>(StatusCodes.Status200OK, "application/octet-stream");
        return admin;
    }
}
