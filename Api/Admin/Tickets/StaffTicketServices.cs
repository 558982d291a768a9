using Api.Admin.Staff;
using Api.Audit;
using Api.Data;
using Api.Portal.Tickets;

namespace Api.Admin.Tickets;

/// <summary>What the staff's ticket actions need, bound by <c>[AsParameters]</c>; plus the audit step they share.</summary>
public sealed record StaffTicketServices(AppDbContext Db, AuditLog Audit, TicketEmails Emails, TimeProvider Clock)
{
    /// <summary>Appends the audit entry of an action on this ticket (with its client loaded) to the unit of work.</summary>
    public void Record(StaffMember staff, string action, Ticket ticket, object? before = null, object? after = null) =>
        Audit.Record(staff.Actor, action, ticket.Client!.PartnerId, new AuditTarget("ticket", ticket.Id.ToString(), TicketReference.Of(ticket.Id)), before, after);
}
