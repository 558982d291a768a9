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
}
