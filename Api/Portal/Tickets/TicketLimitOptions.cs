namespace Api.Portal.Tickets;

/// <summary>
/// How many tickets end users may open, and how many attachment bytes they may store (bound to
/// <c>Portal:Limits</c>). Each new ticket mails the partner's support address and may store a file
/// of up to 5 MB, so a stolen session or a script must not be able to do it without end. Generous
/// for people: a user with a bad day opens three tickets, not ten in an hour.
/// </summary>
public sealed class TicketLimitOptions
{
    public const string SectionName = "Portal:Limits";

    public int TicketsPerUserPerHour { get; set; } = 10;

    public int TicketsPerUserPerDay { get; set; } = 30;

    /// <summary>All of one client's users together: an office of a few hundred people on a bad morning.</summary>
    public int TicketsPerClientPerHour { get; set; } = 100;

    public int TicketsPerClientPerDay { get; set; } = 500;

    /// <summary>Attachment bytes one client's users may store a day: forty files of the largest size.</summary>
    public long AttachmentBytesPerClientPerDay { get; set; } = 200L * 1024 * 1024;
}
