namespace Api.SsoMigration.Batches;

/// <summary>
/// A notice e-mailed to a partner's admins about a batch. The row and its e-mails are written in
/// one transaction and the row is unique per batch, partner, kind and date, so each notice is sent
/// exactly once whatever the number of replicas or restarts: a second writer's insert fails and
/// its transaction (e-mails included) rolls back.
/// </summary>
public sealed class MigrationNotice
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid BatchId { get; set; }
    public Guid PartnerId { get; set; }
    public MigrationNoticeKind Kind { get; set; }

    /// <summary>The batch date the notice announced (a reschedule to another date is a new notice).</summary>
    public DateTime ScheduledFor { get; set; }
    public DateTime SentAt { get; set; }
}

public enum MigrationNoticeKind
{
    /// <summary>Two weeks (configurable) before the batch: the date, the clients, the end-user steps.</summary>
    Upcoming,

    /// <summary>A new date for a batch the partner was told of (a partner told of no date gets the Upcoming notice instead).</summary>
    Rescheduled,

    /// <summary>Called off; sent only to partners who were told a date.</summary>
    Cancelled,

    /// <summary>The run ended with some of the partner's users not moved; sent once per run.</summary>
    Failed,

    /// <summary>Days after the batch, fewer of the partner's moved users activated than expected: the counts per client (the reminders' digest).</summary>
    LowActivation,

    /// <summary>Moved earlier than the date the partner was told, inside the notice lead (Run now): the operator confirmed the short notice.</summary>
    BroughtForward,

    /// <summary>The operator stopped the run part-way; the rest wait for a new date (then a Rescheduled notice).</summary>
    Paused,
}
