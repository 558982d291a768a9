using Api.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Portal.Tickets;

public static class GetTicket
{
    public static async Task<Results<Ok<TicketDetail>, ProblemHttpResult>> HandleAsync(
        Guid ticketId, PortalScope? portal, AppDbContext db, CancellationToken cancellationToken)
    {
        if (portal is null)
        {
            return PortalScope.NoAccess();
        }

        return await TicketSnapshot.ReadAsync(portal.Tickets(db.Tickets), ticketId, cancellationToken) is { } ticket
            ? TypedResults.Ok(ticket.ForEndUser())
            : TicketProblems.NotFound();
    }
}
