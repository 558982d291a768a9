using Api.SsoMigration.Funnel;

namespace Api.Admin.Funnel;

/// <summary>
/// A funnel: how many end users a batch moved (in the caller's scope) and how many of them reached
/// each step since, with the share of the moved and how many stopped there (their furthest step).
/// </summary>
/// <param name="Moved">Users moved (result Migrated or Linked); every percentage is of these.</param>
/// <param name="Steps">moved, activated, enrolled, signed-in, returned — in that order.</param>
/// <param name="Running">A batch in the scope is running: the numbers move by the second.</param>
/// <param name="LastMovedAt">The day the latest of these users was moved (its start, as UTC midnight; the day is the batch's); null when none was.</param>
public sealed record FunnelReport(int Moved, IReadOnlyList<FunnelStepCount> Steps, bool Running, DateTime? LastMovedAt)
{
    /// <summary>The report from how many users stopped at each furthest step.</summary>
    public static FunnelReport From(IReadOnlyDictionary<FunnelStep, int> stoppedAt, bool running, DateTime? lastMovedAt)
    {
        var moved = stoppedAt.Values.Sum();
        var steps = Enum.GetValues<FunnelStep>()
            .Select(step =>
            {
                var reached = stoppedAt.Where(pair => pair.Key >= step).Sum(pair => pair.Value);
                var percent = moved == 0 ? 0 : (int)Math.Floor(reached * 100.0 / moved);
                return new FunnelStepCount(FunnelWireNames.Of(step), reached, percent, stoppedAt.GetValueOrDefault(step));
            })
            .ToList();
        return new FunnelReport(moved, steps, running, lastMovedAt);
    }

    /// <summary>A tally's day as the time the report gives: that day's midnight, UTC.</summary>
    public static DateTime? DayStart(DateOnly? day) => day?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
}

/// <param name="Step">"moved", "activated", "enrolled", "signed-in" or "returned" (signed in again, in a later session, within 30 days of the first).</param>
/// <param name="Reached">Users who reached this step or a later one.</param>
/// <param name="Percent">Of the moved users, rounded down.</param>
/// <param name="StoppedHere">Users whose furthest step this is: the people at this step (stuck before the next).</param>
public sealed record FunnelStepCount(string Step, int Reached, int Percent, int StoppedHere);
