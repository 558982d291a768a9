using Api.Data;
using Api.Shared.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Api.Portal.Tickets;

/// <summary>The end user's ticket list (a client manager's: the client's), one page at a time.</summary>
public static class ListTickets
{
    public static async Task<Results<Ok<Page<TicketSummary>>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        string? status, [AsParameters] PageRequest paging, PortalScope? portal, AppDbContext db, CancellationToken cancellationToken)
    {
        if (portal is null)
        {
            return PortalScope.NoAccess();
        }

        var invalid = paging.Check(TicketListQuery.PageSizes, out var page);
        var matching = TicketListQuery.ByStatus(portal.Tickets(db.Tickets), status, exactAllowed: false, out var refused);
        if ((invalid ?? refused) is { } problem)
        {
            return problem;
        }

        var total = await matching!.CountAsync(cancellationToken);
        var items = await TicketListQuery.Newest(matching!)
            .Slice(page)
            .Select(TicketSummary.FromTicket)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(page.Of(items, total));
    }

    /// <summary>
    /// The tickets naming a device that the caller may see, newest activity first (the device's
    /// page lists them). Another user's tickets about a shared device stay out of sight.
    /// </summary>
    public static Task<List<TicketSummary>> NamingDeviceAsync(PortalScope portal, AppDbContext db, Guid deviceId, CancellationToken cancellationToken) =>
        TicketListQuery.Newest(portal.Tickets(db.Tickets).Where(t => t.DeviceId == deviceId))
            .Select(TicketSummary.FromTicket)
            .ToListAsync(cancellationToken);
}
