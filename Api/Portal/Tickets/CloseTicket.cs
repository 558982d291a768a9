using Api.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Api.Portal.Tickets;

/// <summary>The end user closes their ticket (problem solved, or no longer needed). Closing a closed ticket changes nothing.</summary>
public static class CloseTicket
{
    public static async Task<Results<Ok<TicketDetail>, ProblemHttpResult>> HandleAsync(
        Guid ticketId, PortalScope? portal, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (portal is null)
        {
            return PortalScope.NoAccess();
        }

        var found = await TicketChange.RunAsync(db, async () =>
        {
            var ticket = await portal.Tickets(db.Tickets).FirstOrDefaultAsync(t => t.Id == ticketId, cancellationToken);
            if (ticket is { Status: not TicketStatuses.Closed })
            {
                ticket.Status = TicketStatuses.Closed;
                TicketChange.Touch(ticket, clock.GetUtcNow().UtcDateTime);
                await db.SaveChangesAsync(cancellationToken);
            }

            return (bool?)(ticket is not null);
        }, () => null, cancellationToken);

        if (found is null)
        {
            return TicketProblems.ChangedMeanwhile();
        }

        return found.Value && await TicketSnapshot.ReadAsync(portal.Tickets(db.Tickets), ticketId, cancellationToken) is { } closed
            ? TypedResults.Ok(closed.ForEndUser())
            : TicketProblems.NotFound();
    }
}
