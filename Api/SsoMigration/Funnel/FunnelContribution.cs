namespace Api.SsoMigration.Funnel;

/// <summary>One tally row a user adds one to: the furthest step of a (batch, client), or a (batch, client, step) on a day.</summary>
public readonly record struct FunnelTallyKey(Guid BatchId, Guid ClientId, FunnelStep Step, DateOnly? Day);

/// <summary>
/// What some end users add to the tallies, read from the events as they stand: for each Migrated or
/// Linked result of a user who is not deleted, one at their furthest step and one on the day of each
/// charted event (the move, the activation, the enrolment, the first portal sign-in), in the batch's
/// time zone. The difference between two readings is what a change did to the tallies.
/// </summary>
public sealed class FunnelContribution
{
    /// <summary>The steps the chart shows a day of; a return is counted in the funnel only.</summary>
    public static readonly FunnelStep[] Charted = [FunnelStep.Moved, FunnelStep.EmailActivated, FunnelStep.AuthenticatorEnrolled, FunnelStep.FirstPortalSignIn];

    private readonly Dictionary<FunnelTallyKey, int> counts = [];

    public IReadOnlyDictionary<FunnelTallyKey, int> Counts => counts;

    /// <summary>Adds one moved user: their furthest step, and a day for each charted event.</summary>
    public void AddPerson(Guid batchId, Guid clientId, TimeZoneInfo zone, DateTime? movedAt, IEnumerable<(FunnelStep Step, DateTime ReachedAt)> milestones)
    {
        var reached = milestones.ToList();
        var furthest = reached.Count == 0 ? FunnelStep.Moved : reached.Max(m => m.Step);
        Add(new FunnelTallyKey(batchId, clientId, furthest, null), 1);
        if (movedAt is { } moved)
        {
            Add(new FunnelTallyKey(batchId, clientId, FunnelStep.Moved, DayIn(zone, moved)), 1);
        }

        foreach (var (step, at) in reached.Where(m => Charted.Contains(m.Step)))
        {
            Add(new FunnelTallyKey(batchId, clientId, step, DayIn(zone, at)), 1);
        }
    }

    /// <summary>What turns <paramref name="before"/> into this: the non-zero changes per row.</summary>
    public IEnumerable<KeyValuePair<FunnelTallyKey, int>> Minus(FunnelContribution before) =>
        counts.Keys.Union(before.counts.Keys)
            .Select(key => KeyValuePair.Create(key, counts.GetValueOrDefault(key) - before.counts.GetValueOrDefault(key)))
            .Where(change => change.Value != 0);

    /// <summary>The calendar day of a UTC time in a batch's zone (UTC when the zone is unknown here).</summary>
    public static DateOnly DayIn(TimeZoneInfo zone, DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));

    public static TimeZoneInfo ZoneOf(string? timeZone) =>
        timeZone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    private void Add(FunnelTallyKey key, int count) => counts[key] = counts.GetValueOrDefault(key) + count;
}
