using Api.Admin.Staff;
using Api.Audit;
using Api.Portal.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.Tickets;

/// <summary>
/// A staff member sets a ticket's status. Setting the status it already has changes nothing and
/// writes no audit entry; parallel changes each see the status the previous one left
/// (<see cref="TicketChange"/>), so the log holds exactly one entry per real change.
/// </summary>
public static class ChangeTicketStatus
{
    public static async Task<Results<Ok<AdminTicketDetail>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        Guid ticketId, ChangeTicketStatusRequest body, StaffMember staff, [AsParameters] StaffTicketServices s, CancellationToken cancellationToken)
    {
        if (body.Status is not { } status || !TicketStatuses.All.Contains(status))
        {
            return StatusChoice.Invalid();
        }

        var found = await TicketChange.RunAsync(s.Db, async () =>
        {
            var ticket = await staff.Scope(s.Db.Tickets).Include(t => t.Client).FirstOrDefaultAsync(t => t.Id == ticketId, cancellationToken);
            if (ticket is not null && ticket.Status != status)
            {
                s.Record(staff, AuditActions.TicketStatusChanged, ticket, new { status = ticket.Status }, new { status });
                ticket.Status = status;
                TicketChange.Touch(ticket, s.Clock.GetUtcNow().UtcDateTime);
                await s.Db.SaveChangesAsync(cancellationToken);
            }

            return (bool?)(ticket is not null);
        }, () => null, cancellationToken);

        if (found is null)
        {
            return TicketProblems.ChangedMeanwhile();
        }

        return found.Value && await TicketSnapshot.ReadAsync(staff.Scope(s.Db.Tickets), ticketId, cancellationToken) is { } changed
            ? TypedResults.Ok(changed.ForStaff())
            : TicketProblems.NotFound();
    }
}
