namespace Api.SsoMigration.Funnel;

/// <summary>
/// One step of the migration funnel that an end user moved by a batch reached, written once when
/// it happens (unique per end user, batch and step) and never changed: the funnel counts these
/// events, not the account's flags of the moment, so an MFA reset, a password reset or a retry
/// leaves the numbers as they were. Being moved is the batch's result itself
/// (<see cref="Batches.MigrationResult"/>, Migrated or Linked); a rolled-back result takes the user
/// out of the batch's funnel while their milestones stay written.
/// </summary>
public sealed class FunnelMilestone
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid BatchId { get; set; }
    public Guid EndUserId { get; set; }
    public FunnelStep Step { get; set; }
    public DateTime ReachedAt { get; set; }

    /// <summary>The SSO session of a portal sign-in (<see cref="FunnelStep.FirstPortalSignIn"/>): a later sign-in must come from another one to count as a return.</summary>
    public string? SessionId { get; set; }
}

/// <summary>
/// The funnel's steps in their order. Stored as numbers, so the furthest step a user reached is a
/// MAX in SQL; a user who reached a step has passed every step before it (a linked account whose
/// address was proven for another product never activates, yet signs in).
/// </summary>
public enum FunnelStep
{
    /// <summary>Moved by the batch and nothing since (never stored: the result says it).</summary>
    Moved = 0,
    EmailActivated = 1,
    AuthenticatorEnrolled = 2,
    FirstPortalSignIn = 3,

    /// <summary>Signed in to the portal again, in a later SSO session, within <see cref="FunnelMilestoneRecorder.ReturnWindow"/> of the first.</summary>
    ReturnedWithin30Days = 4,
}
