using System.Linq.Expressions;
using Api.Portal.Tickets;

namespace Api.Admin.Tickets;

/// <summary>A row of the staff's ticket list: the end user's row plus whose client and whom to write to.</summary>
public sealed record AdminTicketSummary(
    Guid Id,
    string Reference,
    string Subject,
    string Status,
    string Priority,
    string OpenedByName,
    string? DeviceName,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    bool AwaitingYou,
    Guid ClientId,
    string ClientName,
    string OpenedByEmail)
    : TicketSummary(Id, Reference, Subject, Status, Priority, OpenedByName, DeviceName, CreatedAt, UpdatedAt, AwaitingYou)
{
    // The staff's own projection (new: it hides the end user's row's, which SQL could not extend).
    public static new readonly Expression<Func<Ticket, AdminTicketSummary>> FromTicket = t => new AdminTicketSummary(
        t.Id,
        TicketReference.Of(t.Id),
        t.Subject,
        t.Status,
        t.Priority,
        t.OpenedBy!.DisplayName,
        t.Device == null ? null : t.Device.Name,
        t.CreatedAt,
        t.UpdatedAt,
        t.AwaitingEndUser && t.Status != TicketStatuses.Closed,
        t.ClientId,
        t.Client!.Name,
        t.OpenedBy.Email);
}
