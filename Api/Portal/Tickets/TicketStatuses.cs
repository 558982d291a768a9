namespace Api.Portal.Tickets;

/// <summary>Where a ticket stands, in the words the end user reads.</summary>
public static class TicketStatuses
{
    public const string Open = "Open";
    public const string InProgress = "In progress";
    public const string WaitingForYou = "Waiting for you";
    public const string Resolved = "Resolved";
    public const string Closed = "Closed";

    public static readonly IReadOnlyList<string> All = [Open, InProgress, WaitingForYou, Resolved, Closed];

    /// <summary>Statuses in which the ticket still needs someone's attention.</summary>
    public static readonly IReadOnlyList<string> Active = [Open, InProgress, WaitingForYou];
}
