using Api.SsoMigration.Batches;

namespace Api.SsoMigration.Execution;

/// <summary>Sends no Failed notice: stands in until the migration's notices implement <see cref="IBatchOutcomeNotices"/>.</summary>
public sealed class NoBatchOutcomeNotices : IBatchOutcomeNotices
{
    public Task QueueFailedAsync(MigrationBatch batch, CancellationToken cancellationToken) => Task.CompletedTask;
}
