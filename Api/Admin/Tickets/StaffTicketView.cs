using Api.Portal.Tickets;

namespace Api.Admin.Tickets;

public static class StaffTicketView
{
    /// <summary>The staff's view of a ticket: the end user's, plus the client, the opener's e-mail and the statuses to choose from.</summary>
    public static AdminTicketDetail ForStaff(this TicketSnapshot t) => new(
        t.Id, t.Reference, t.Subject, t.Description, t.Status, t.Priority, t.ClientName, t.OpenedByName, t.Device, t.CreatedAt, t.UpdatedAt,
        t.Attachments, t.Comments,
        CanComment: true,
        CanClose: !t.IsClosed,
        t.ClientId,
        t.OpenedByEmail,
        TicketStatuses.All);
}
