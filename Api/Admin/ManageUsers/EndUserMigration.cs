namespace Api.Admin.ManageUsers;

/// <summary>
/// Where an end user not yet migrated to SSO stands in the move, and so what the partner can do:
/// the answer Manage Users gives under the Migrated to SSO column instead of an empty box.
/// </summary>
/// <param name="State">One of <see cref="MigrationStateNames"/>: "not-planned", "scheduled", "moving", "paused", "next-run", "excluded", "no-usable-email", "duplicate-email", "failed", "awaiting-owner" or "owner-declined".</param>
/// <param name="ScheduledAt">The date of the batch the state is about: when they move (scheduled, next-run once set), or the run that failed or left them out.</param>
/// <param name="TimeZone">The zone the batch's date is shown in.</param>
/// <param name="Reason">Why the move failed, in words the partner can act on (a technical failure is not detailed: the platform team handles it).</param>
/// <param name="NeedsAttention">The partner can fix what keeps the user back: exactly the users the Needs attention filter lists.</param>
public sealed record EndUserMigration(string State, DateTime? ScheduledAt, string? TimeZone, string? Reason, bool NeedsAttention);

/// <summary>The migration states on the wire (kebab-case, part of the contract with the SPA) and in words (the CSV).</summary>
public static class MigrationStateNames
{
    /// <summary>The client is in no batch yet: the partner is e-mailed two weeks before their move.</summary>
    public const string NotPlanned = "not-planned";
    public const string Scheduled = "scheduled";
    public const string Moving = "moving";

    /// <summary>The batch was paused by the platform team; the partner is e-mailed the new date.</summary>
    public const string Paused = "paused";

    /// <summary>The batch ran without moving this user, for a reason since gone: they move at its next run.</summary>
    public const string NextRun = "next-run";
    public const string Excluded = "excluded";
    public const string NoUsableEmail = "no-usable-email";
    public const string DuplicateEmail = "duplicate-email";
    public const string Failed = "failed";
    public const string AwaitingOwner = "awaiting-owner";
    public const string OwnerDeclined = "owner-declined";

    /// <summary>The state in a sentence (the CSV's words; the SPA says the same).</summary>
    public static string Label(EndUserMigration? migration) => migration?.State switch
    {
        null => "",
        NotPlanned => "Not in a migration batch yet",
        Scheduled => $"Scheduled for {When(migration)}",
        Moving => "Moving to Single Sign-On now",
        Paused => "Move paused; a new date will be e-mailed",
        NextRun => "Joins the next run",
        Excluded => "Excluded by the platform team",
        NoUsableEmail => "No usable e-mail address: fix it and they join the next run",
        DuplicateEmail => "Same e-mail address as another end user: fix one and they join the next run",
        Failed => $"Failed: {migration.Reason} Retried automatically at the next run",
        AwaitingOwner => "Waiting for the account owner to accept",
        OwnerDeclined => "The account owner declined: use another e-mail address",
        _ => migration.State,
    };

    private static string When(EndUserMigration migration) =>
        migration is { ScheduledAt: { } at, TimeZone: { } zone } ? SsoMigration.Planning.BatchSchedule.Describe(at, zone) : "a date to be set";
}
