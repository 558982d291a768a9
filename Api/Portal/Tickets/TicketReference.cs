namespace Api.Portal.Tickets;

/// <summary>
/// The short name people use on the phone and in e-mail subjects: "T-" and the id's last eight hex
/// digits. Derived from the id (version 7: its tail is random), so it needs no column.
/// </summary>
public static class TicketReference
{
    public static string Of(Guid ticketId) => "T-" + ticketId.ToString("N")[^8..].ToUpperInvariant();
}
