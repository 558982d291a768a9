using Api.SsoMigration.Batches;
using Api.SsoMigration.Execution;

namespace Api.Admin.Batches;

/// <summary>
/// How the migration's states are spelled on the wire (kebab-case, part of the contract with the
/// SPA). Written out, not derived from the enums' names, so renaming a member cannot change the API.
/// A user's outcome is spelled by <see cref="MigrationWire"/>, shared with the runner's audit entries.
/// </summary>
public static class BatchWireNames
{
    public static string Of(MigrationBatchStatus status) => status switch
    {
        MigrationBatchStatus.Scheduled => "scheduled",
        MigrationBatchStatus.Running => "running",
        MigrationBatchStatus.Completed => "completed",
        MigrationBatchStatus.Cancelled => "cancelled",
        MigrationBatchStatus.RolledBack => "rolled-back",
        MigrationBatchStatus.Paused => "paused",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string Of(MigrationNoticeKind kind) => kind switch
    {
        MigrationNoticeKind.Upcoming => "upcoming",
        MigrationNoticeKind.Rescheduled => "rescheduled",
        MigrationNoticeKind.Cancelled => "cancelled",
        MigrationNoticeKind.Failed => "failed",
        MigrationNoticeKind.LowActivation => "low-activation",
        MigrationNoticeKind.BroughtForward => "brought-forward",
        MigrationNoticeKind.Paused => "paused",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>A result status by its wire name (the results filter); null for an unknown name.</summary>
    public static MigrationOutcomeStatus? OutcomeNamed(string name) =>
        Enum.GetValues<MigrationOutcomeStatus>().Cast<MigrationOutcomeStatus?>().FirstOrDefault(s => MigrationWire.Status(s!.Value) == name);
}
