using Api.Shared;
using Api.SsoMigration.Planning;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Admin.Batches;

/// <summary>The checks on what an operator enters for a batch, before anything is looked up; one sentence per field.</summary>
public static class BatchInput
{
    public const int MaxNameLength = 200;
    public const int MaxClients = 500;

    public static (string? Name, ValidationProblem? Problem) Name(string? name)
    {
        var trimmed = name?.Trim();
        return string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxNameLength || trimmed.Any(char.IsControl)
            ? (null, Problems.Invalid("name", $"Give the batch a name of 1 to {MaxNameLength} characters."))
            : (trimmed, null);
    }

    public static (Guid[]? ClientIds, ValidationProblem? Problem) Clients(Guid[]? clientIds) =>
        clientIds is not { Length: > 0 and <= MaxClients } || clientIds.Contains(Guid.Empty)
            ? (null, Problems.Invalid("clientIds", $"Choose from 1 to {MaxClients} clients."))
            : ([.. clientIds.Distinct()], null);

    /// <summary>A date in the future (in UTC) and an IANA time zone.</summary>
    public static (DateTime ScheduledAt, string? TimeZone, ValidationProblem? Problem) Schedule(DateTimeOffset? scheduledAt, string? timeZone, DateTime now)
    {
        if (scheduledAt is not { } at || at.UtcDateTime <= now)
        {
            return (default, null, Problems.Invalid("scheduledAt", "Choose a date and time in the future."));
        }

        return BatchSchedule.FindZone(timeZone) is null
            ? (default, null, Problems.Invalid("timeZone", "Choose a time zone from the list, such as Europe/Amsterdam."))
            : (at.UtcDateTime, timeZone, null);
    }

    /// <summary>
    /// When users may start moving by logging in (mixed mode): none, or a time before the batch's
    /// date. A time already past is allowed: the window is simply open (an edit sends it back as it was).
    /// </summary>
    public static (DateTime? WindowOpensAt, ValidationProblem? Problem) Window(DateTimeOffset? windowOpensAt, DateTime scheduledAt) =>
        windowOpensAt is not { } opens ? (null, null)
        : opens.UtcDateTime < scheduledAt ? (opens.UtcDateTime, null)
        : (null, Problems.Invalid("windowOpensAt", "Users can start moving by logging in only before the batch's date: choose an earlier time, or leave it empty."));
}
