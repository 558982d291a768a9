using System.Globalization;
using Api.Admin.Staff;
using Api.Data;
using Api.SsoMigration.Funnel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.Funnel;

/// <summary>
/// The chart under a funnel: per day, in the batch's time zone, how many of the scope's users were
/// moved, activated their e-mail, set up an authenticator and first signed in to the portal — from
/// the first move to today, every day listed (zero on quiet days).
/// </summary>
public static class GetFunnelDays
{
    /// <summary>A year of days at most: an older start is cut (the funnel's totals still count it).</summary>
    public const int MaxDays = 366;

    private static readonly FunnelStep[] Charted = FunnelContribution.Charted;

    public static async Task<Results<Ok<FunnelDays>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        [AsParameters] FunnelScopeParameters query, StaffMember staff, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var read = await FunnelScope.ReadAsync(query, staff, db, cancellationToken);
        if (read.Scope is not { } scope)
        {
            return read.Invalid is { } invalid ? invalid : read.NotFound!;
        }

        var timeZone = scope.Batch?.TimeZone
            ?? await scope.Batches.OrderByDescending(b => b.ScheduledAt).Select(b => b.TimeZone).FirstOrDefaultAsync(cancellationToken)
            ?? "UTC";
        var zone = FunnelContribution.ZoneOf(timeZone);
        // Each batch's tallies count days in its own zone; a client's several batches are shown in the latest one's.
        var tallied = await scope.Days.Where(d => d.Count != 0)
            .GroupBy(d => new { d.Day, d.Step })
            .Select(g => new { g.Key.Day, g.Key.Step, Count = g.Sum(d => d.Count) })
            .ToListAsync(cancellationToken);
        var today = FunnelContribution.DayIn(zone, clock.GetUtcNow().UtcDateTime);
        var days = new SortedDictionary<DateOnly, int[]>();
        foreach (var cell in tallied.Where(c => Charted.Contains(c.Step)))
        {
            if (!days.TryGetValue(cell.Day, out var row))
            {
                days[cell.Day] = row = new int[4];
            }

            row[(int)cell.Step] += cell.Count;
        }

        if (days.Count == 0)
        {
            return TypedResults.Ok(new FunnelDays(zone.Id, []));
        }

        var first = days.Keys.First();
        var last = days.Keys.Last() > today ? days.Keys.Last() : today;
        if (last.DayNumber - first.DayNumber >= MaxDays)
        {
            first = last.AddDays(1 - MaxDays);
        }

        var listed = new List<FunnelDay>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            var row = days.GetValueOrDefault(day) ?? new int[4];
            listed.Add(new FunnelDay(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), row[0], row[1], row[2], row[3]));
        }

        return TypedResults.Ok(new FunnelDays(zone.Id, listed));
    }
}

/// <param name="TimeZone">The IANA time zone the days are counted in (the batch's).</param>
/// <param name="Days">Oldest first, one per day.</param>
public sealed record FunnelDays(string TimeZone, IReadOnlyList<FunnelDay> Days);

/// <param name="Day">yyyy-MM-dd in <see cref="FunnelDays.TimeZone"/>.</param>
public sealed record FunnelDay(string Day, int Moved, int Activated, int Enrolled, int SignedIn);
