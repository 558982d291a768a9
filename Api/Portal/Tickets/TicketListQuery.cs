using Api.Shared;
using Api.Shared.Paging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Portal.Tickets;

/// <summary>The status filter and page sizes both ticket lists share, read from text so a wrong value gets a sentence.</summary>
public static class TicketListQuery
{
    /// <summary>20 tickets a page, at most 100: fewer than the other lists (<see cref="PageSizeLimits.Standard"/>).</summary>
    public static readonly PageSizeLimits PageSizes = new(20, 100);

    public const string Active = "active";
    public const string Closed = "closed";
    public const string All = "all";

    /// <summary>
    /// Filters by <paramref name="status"/>: active (the default), closed, all; staff may also name one
    /// exact status (<paramref name="exactAllowed"/>). Null with a problem when the value is unknown.
    /// </summary>
    public static IQueryable<Ticket>? ByStatus(IQueryable<Ticket> tickets, string? status, bool exactAllowed, out ValidationProblem? problem)
    {
        problem = null;
        switch (status)
        {
            case null or "" or Active:
                return tickets.Where(t => TicketStatuses.Active.Contains(t.Status));
            case Closed:
                return tickets.Where(t => !TicketStatuses.Active.Contains(t.Status));
            case All:
                return tickets;
        }

        if (exactAllowed && TicketStatuses.All.Contains(status))
        {
            return tickets.Where(t => t.Status == status);
        }

        var choices = exactAllowed ? $"active, closed, all or one of: {string.Join(", ", TicketStatuses.All)}" : "active, closed or all";
        problem = Problems.Invalid("status", $"Show tickets that are {choices}.");
        return null;
    }

    /// <summary>Newest activity first; ties (same instant) by id so pages never overlap.</summary>
    public static IQueryable<Ticket> Newest(IQueryable<Ticket> tickets) =>
        tickets.OrderByDescending(t => t.UpdatedAt).ThenByDescending(t => t.Id);
}
