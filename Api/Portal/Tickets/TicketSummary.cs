namespace Api.Portal.Tickets;

/// <summary>
/// PLACEHOLDER for H1's TicketSummary (contract shape), so the device detail can name it before
/// H1's work is merged; replaced by H1's file at the merge.
/// </summary>
public sealed record TicketSummary(
    Guid Id,
    string Reference,
    string Subject,
    string Status,
    string Priority,
    string OpenedByName,
    string? DeviceName,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    bool AwaitingYou);
