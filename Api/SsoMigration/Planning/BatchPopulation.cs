using Api.Data;
using Api.Portal;
using Api.SsoMigration.Batches;

namespace Api.SsoMigration.Planning;

/// <summary>Who a batch is about, as queries (composed into one SQL statement by whoever counts or lists them).</summary>
public static class BatchPopulation
{
    /// <summary>The batches a client's end users are still due in: a client is in at most one of them.</summary>
    public static readonly MigrationBatchStatus[] Open = [MigrationBatchStatus.Scheduled, MigrationBatchStatus.Running, MigrationBatchStatus.Paused];

    /// <summary>Every end user of the batch's clients, deleted or migrated ones included (readiness names them).</summary>
    public static IQueryable<EndUser> Everyone(AppDbContext db, Guid batchId) =>
        db.EndUsers.Where(u => db.Set<MigrationBatchClient>().Any(c => c.BatchId == batchId && c.ClientId == u.ClientId));

    /// <summary>The end users the batch would move: not deleted, not migrated yet.</summary>
    public static IQueryable<EndUser> ToMove(AppDbContext db, Guid batchId) =>
        Everyone(db, batchId).Where(u => !u.Deleted && !u.MigratedToSso);
}
