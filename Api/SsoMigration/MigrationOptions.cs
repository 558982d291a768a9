namespace Api.SsoMigration;

/// <summary>The migration's settings (section <c>Migration</c>).</summary>
public sealed class MigrationOptions
{
    /// <summary>How long before a batch its partners' admins get the notice: two weeks, as the seed promises.</summary>
    public TimeSpan NoticeLead { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How often the scheduler looks for due batches and notices.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a replica holds a running batch before another may take it over; renewed while it runs.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(1);
}
