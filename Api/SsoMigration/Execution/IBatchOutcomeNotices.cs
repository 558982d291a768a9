using Api.SsoMigration.Batches;

namespace Api.SsoMigration.Execution;

/// <summary>
/// How a batch that completed with failed users tells the partners concerned (the Failed notice,
/// implemented by the migration's notices). Called inside the completion's transaction: what it
/// adds (notice rows, outbox e-mails) commits with the batch's Completed status or not at all.
/// A batch can complete more than once (a retried user fails again).
/// </summary>
public interface IBatchOutcomeNotices
{
    Task QueueFailedAsync(MigrationBatch batch, CancellationToken cancellationToken);
}
