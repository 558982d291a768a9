using System.Linq.Expressions;

namespace Api.Portal.Tickets;

/// <summary>A row of the end user's ticket list; the staff's row adds to it (<c>AdminTicketSummary</c>).</summary>
/// <param name="Reference">"T-" and eight hex digits, see <see cref="TicketReference"/>.</param>
/// <param name="AwaitingYou">The last word is the staff's and the ticket is not closed: the end user has an answer to read.</param>
public record TicketSummary(
    Guid Id,
    string Reference,
    string Subject,
    string Status,
    string Priority,
    string OpenedByName,
    string? DeviceName,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    bool AwaitingYou)
{
    /// <summary>The list row, computed in SQL except for the reference (the final projection runs on the client).</summary>
    public static readonly Expression<Func<Ticket, TicketSummary>> FromTicket = t => new TicketSummary(
        t.Id,
        TicketReference.Of(t.Id),
        t.Subject,
        t.Status,
        t.Priority,
        t.OpenedBy!.DisplayName,
        t.Device == null ? null : t.Device.Name,
        t.CreatedAt,
        t.UpdatedAt,
        t.AwaitingEndUser && t.Status != TicketStatuses.Closed);
}
