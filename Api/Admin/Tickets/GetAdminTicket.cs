using Api.Admin.Staff;
using Api.Data;
using Api.Portal.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Admin.Tickets;

public static class GetAdminTicket
{
    public static async Task<Results<Ok<AdminTicketDetail>, ProblemHttpResult>> HandleAsync(
        Guid ticketId, StaffMember staff, AppDbContext db, CancellationToken cancellationToken) =>
        await TicketSnapshot.ReadAsync(staff.Scope(db.Tickets), ticketId, cancellationToken) is { } ticket
            ? TypedResults.Ok(ticket.ForStaff())
            : TicketProblems.NotFound();
}
