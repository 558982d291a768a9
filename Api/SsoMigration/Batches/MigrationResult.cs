namespace Api.SsoMigration.Batches;

/// <summary>
/// What happened to one end user in one batch. Written when the run starts (one Pending row per
/// user, in one statement) and moved to its outcome in the same transaction as the user's
/// migration, so a run killed at any point resumes with exactly the Pending rows left.
/// </summary>
public sealed class MigrationResult
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid BatchId { get; set; }
    public Guid EndUserId { get; set; }
    public MigrationOutcomeStatus Status { get; set; } = MigrationOutcomeStatus.Pending;

    /// <summary>Why a user was skipped, failed or excluded: a sentence for the operator.</summary>
    public string? Reason { get; set; }
    public int Attempts { get; set; }
    public DateTime? CompletedAt { get; set; }

    /// <summary>
    /// The portal password hash the end user's row had before this batch moved it to SSO (the
    /// migration clears the row's): exactly what a rollback gives back, so a rollback never copies
    /// an SSO account's hash into the portal's form, which has no MFA. Null when the row had none
    /// (the rollback then mails a set-password link) and once rolled back. Never shown to anyone.
    /// </summary>
    public string? LegacyPasswordHashBefore { get; set; }
}

public enum MigrationOutcomeStatus
{
    Pending,

    /// <summary>Left out by the operator before the run (a readiness problem to fix later).</summary>
    Excluded,

    /// <summary>A new SSO account was created.</summary>
    Migrated,

    /// <summary>An existing SSO account (another product's) was linked; its other roles kept.</summary>
    Linked,
    Skipped,
    Failed,

    /// <summary>Moved back to the legacy login after the run.</summary>
    RolledBack,
}
