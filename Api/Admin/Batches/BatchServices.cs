using Api.Admin.Staff;
using Api.Audit;
using Api.Data;
using Api.SsoMigration.Batches;
using Api.SsoMigration.Execution;
using Api.SsoMigration.Notices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Api.Admin.Batches;

/// <summary>What every batch action needs, bound by <c>[AsParameters]</c>; plus the steps they share.</summary>
public sealed record BatchServices(AppDbContext Db, AuditLog Audit, MigrationNotices Notices, BatchWebhooks Webhooks, TimeProvider Clock)
{
    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Changes a batch only while it is still scheduled, in one conditional UPDATE: the batch
    /// runner claims a due batch the same way (Status = Scheduled in its WHERE), so exactly one
    /// of the two wins, and on SQL Server the row stays locked until the caller commits. False
    /// when the batch has started, finished or been cancelled (or does not exist).
    /// </summary>
    public async Task<bool> ChangeScheduledAsync(Guid id, Action<UpdateSettersBuilder<MigrationBatch>> set, CancellationToken cancellationToken) =>
        await Db.MigrationBatches.Where(b => b.Id == id && b.Status == MigrationBatchStatus.Scheduled)
            .ExecuteUpdateAsync(set, cancellationToken) == 1;

    /// <summary>The batch as it is now (after a conditional update); null when it does not exist.</summary>
    public Task<MigrationBatch?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        Db.MigrationBatches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, cancellationToken);

    /// <summary>Appends the audit entry of an action on a batch: platform-wide (no partner), so operators see it.</summary>
    public void Record(StaffMember staff, string action, MigrationBatch batch, object? before = null, object? after = null) =>
        Audit.Record(staff.Actor, action, partnerId: null, new AuditTarget("migration-batch", batch.Id.ToString(), batch.Name), before, after);
}
