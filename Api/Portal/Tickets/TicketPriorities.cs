namespace Api.Portal.Tickets;

/// <summary>How urgent the end user says the problem is.</summary>
public static class TicketPriorities
{
    public const string Low = "Low";
    public const string Normal = "Normal";
    public const string High = "High";
    public const string Urgent = "Urgent";

    public static readonly IReadOnlyList<string> All = [Low, Normal, High, Urgent];
}
