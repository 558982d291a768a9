using Api.SsoMigration.Batches;

namespace Api.SsoMigration.Execution;

/// <summary>A per-user outcome as the wire and the audit log spell it (kebab-case, an explicit mapping: renaming the enum must not change it).</summary>
public static class MigrationWire
{
    public static string Status(MigrationOutcomeStatus status) => status switch
    {
        MigrationOutcomeStatus.Pending => "pending",
        MigrationOutcomeStatus.Excluded => "excluded",
        MigrationOutcomeStatus.Migrated => "migrated",
        MigrationOutcomeStatus.Linked => "linked",
        MigrationOutcomeStatus.Skipped => "skipped",
        MigrationOutcomeStatus.Failed => "failed",
        MigrationOutcomeStatus.RolledBack => "rolled-back",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
