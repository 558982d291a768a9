using Api.Audit;
using Api.SsoMigration.Batches;

namespace Api.SsoMigration.Execution;

/// <summary>A batch as the audit log names it.</summary>
public static class BatchTarget
{
    public static AuditTarget Of(MigrationBatch batch) => new("migration-batch", batch.Id.ToString(), batch.Name);
}
