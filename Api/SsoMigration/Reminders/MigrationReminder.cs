namespace Api.SsoMigration.Reminders;

/// <summary>
/// A reminder e-mailed to an end user stuck after their move to SSO. The row and its e-mail are
/// written in one transaction and the row is unique per user, kind and occasion, so each reminder
/// is sent exactly once whatever the number of replicas, passes or clicks: a second writer's insert
/// fails and its transaction (e-mail and fresh link included) rolls back — the notices' pattern.
/// </summary>
public sealed class MigrationReminder
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EndUserId { get; set; }
    public MigrationReminderKind Kind { get; set; }

    /// <summary>What the reminder is once for: <see cref="ForBatch"/> (the automatic ones) or <see cref="ForDay"/> (a partner's).</summary>
    public required string Occasion { get; set; }

    /// <summary>The batch that moved the user, when there was one (a partner may remind a user added on SSO too).</summary>
    public Guid? BatchId { get; set; }

    /// <summary>What the e-mail asked for: activating the address, or setting up an authenticator.</summary>
    public ReminderStep Step { get; set; }
    public DateTime SentAt { get; set; }

    /// <summary>The staff member who sent it; null for the automatic ones.</summary>
    public string? SentBy { get; set; }

    /// <summary>Automatic reminders are once per batch that moved the user (a user moved again later is reminded again).</summary>
    public static string ForBatch(Guid batchId) => $"batch:{batchId:N}";

    /// <summary>A partner's reminders are once per user and day (UTC), however many staff click.</summary>
    public static string ForDay(DateTime utc) => $"day:{utc:yyyy-MM-dd}";
}

public enum MigrationReminderKind
{
    /// <summary>Not activated <see cref="ReminderOptions.FirstAfterDays"/> days after the batch.</summary>
    NotActivatedFirst,

    /// <summary>Still not activated <see cref="ReminderOptions.SecondAfterDays"/> days after the batch: the last one.</summary>
    NotActivatedSecond,

    /// <summary>Activated, but no authenticator <see cref="ReminderOptions.FirstAfterDays"/> days after the batch.</summary>
    NotEnrolled,

    /// <summary>Sent by a partner's staff (Send reminder): once per user a day.</summary>
    Manual,
}

/// <summary>The step a stuck user has not done yet.</summary>
public enum ReminderStep
{
    Activate,
    Enrol,
}
