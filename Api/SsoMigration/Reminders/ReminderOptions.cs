namespace Api.SsoMigration.Reminders;

/// <summary>The reminders to end users stuck after their move and the digest to partners (section <c>Migration:Reminders</c>).</summary>
public sealed class ReminderOptions
{
    public const string SectionName = "Migration:Reminders";

    /// <summary>Days after the batch completed when a user not activated (or activated without an authenticator) is reminded.</summary>
    public int FirstAfterDays { get; set; } = 3;

    /// <summary>Days after the batch completed when a user still not activated gets the second, last reminder.</summary>
    public int SecondAfterDays { get; set; } = 7;

    /// <summary>Days after the batch completed when a partner whose users activated too little gets the digest.</summary>
    public int DigestAfterDays { get; set; } = 7;

    /// <summary>The digest goes when fewer than this percentage of a partner's moved users have activated.</summary>
    public int DigestThresholdPercent { get; set; } = 50;

    /// <summary>Batches completed longer ago than this are left alone: their users were reminded or have moved on.</summary>
    public int StopAfterDays { get; set; } = 30;

    /// <summary>How often each replica looks for reminders and digests due; they are due by the day, so rarely is enough.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(10);
}
