namespace Api.SsoMigration.Batches;

/// <summary>
/// One increment of the migration: some clients (of one or several partners) whose end users move
/// to SSO together at a scheduled time. Runs under a lease (<see cref="LeaseOwner"/>,
/// <see cref="LeaseUntil"/>) taken by a conditional UPDATE, the pattern the outbox uses, so two
/// replicas never run one batch at once and a replica that dies mid-run leaves a lease that
/// expires and another replica resumes.
/// </summary>
public sealed class MigrationBatch
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }

    /// <summary>When it runs, in UTC.</summary>
    public DateTime ScheduledAt { get; set; }

    /// <summary>The IANA time zone the operator scheduled in (e.g. "Europe/Amsterdam"): shown with the date, in notices too.</summary>
    public required string TimeZone { get; set; }

    /// <summary>
    /// Mixed mode, in UTC: from then until the batch has run, a user of its clients who logs in on
    /// the portal's own form with the right password moves to SSO at that moment
    /// (<see cref="NextLogin.NextLoginMigration"/>); the others move with the batch. Null: users move
    /// only with the batch. Always before <see cref="ScheduledAt"/>.
    /// </summary>
    public DateTime? WindowOpensAt { get; set; }

    public MigrationBatchStatus Status { get; set; } = MigrationBatchStatus.Scheduled;
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? CompletedAt { get; set; }

    /// <summary>The replica running the batch, until <see cref="LeaseUntil"/>; renewed while it runs.</summary>
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseUntil { get; set; }

    public List<MigrationBatchClient> Clients { get; set; } = [];
}

public enum MigrationBatchStatus
{
    Scheduled,
    Running,

    /// <summary>Every user has a final result (some may have failed or been skipped: see the results).</summary>
    Completed,
    Cancelled,

    /// <summary>Undone before any of its users signed in to SSO: everyone is back on the legacy login.</summary>
    RolledBack,

    /// <summary>
    /// Stopped part-way by an operator: the users moved so far stay moved, the others wait (their
    /// results Pending) until the batch is rescheduled or run now, when it goes on where it stopped.
    /// </summary>
    Paused,
}

/// <summary>A client in a batch. A client is in at most one batch that is not cancelled or rolled back.</summary>
public sealed class MigrationBatchClient
{
    public Guid BatchId { get; set; }
    public Guid ClientId { get; set; }
}
