using Api.SsoMigration.Batches;

namespace Api.SsoMigration.Execution;

/// <summary>
/// How the runner and the operator's controls tell the partners concerned (implemented by the
/// migration's notices). Called inside the action's transaction: what it adds (notice rows, outbox
/// e-mails) commits with the batch's new state or not at all.
/// </summary>
public interface IBatchOutcomeNotices
{
    /// <summary>A run ended with failed users: each partner with some is told once per run. A batch can complete more than once (a retried user fails again).</summary>
    Task QueueFailedAsync(MigrationBatch batch, CancellationToken cancellationToken);

    /// <summary>The operator paused the run: each partner of the batch is told once.</summary>
    Task QueuePausedAsync(MigrationBatch batch, CancellationToken cancellationToken);

    /// <summary>The batch has a new date (run now): partners told the old one hear of the change; the others get the announcement.</summary>
    Task QueueNewDateAsync(MigrationBatch batch, DateTime previousScheduledAt, CancellationToken cancellationToken);

    /// <summary>Whether any partner of the batch was told a date.</summary>
    Task<bool> AnyToldAsync(Guid batchId, CancellationToken cancellationToken);
}
