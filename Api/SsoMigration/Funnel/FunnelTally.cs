namespace Api.SsoMigration.Funnel;

/// <summary>
/// How many end users of one client a batch moved whose furthest step is <see cref="Furthest"/>: the
/// funnel's numbers kept as they change (<see cref="FunnelTallies"/>), in the same transaction as the
/// result, milestone or end user that changed them, so a funnel of 275,000 people reads a few rows
/// instead of counting them. Always equal to what <see cref="MovedPeople"/> counts from the events
/// (<see cref="FunnelTallyRebuild"/> recomputes it; the tests compare the two).
/// </summary>
public sealed class FunnelTally
{
    public Guid BatchId { get; set; }
    public Guid ClientId { get; set; }
    public FunnelStep Furthest { get; set; }
    public int Count { get; set; }
}

/// <summary>
/// The chart's numbers: how many end users of one client the batch moved (<see cref="FunnelStep.Moved"/>)
/// or who activated, enrolled or first signed in, on one day in the batch's time zone — counting only
/// the users still in the funnel (moved, not rolled back, not deleted), as the funnel itself does.
/// </summary>
public sealed class FunnelDayTally
{
    public Guid BatchId { get; set; }
    public Guid ClientId { get; set; }
    public DateOnly Day { get; set; }
    public FunnelStep Step { get; set; }
    public int Count { get; set; }
}
