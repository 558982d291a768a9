using Api.Admin.Staff;
using Api.Audit;
using Api.Shared.Transactions;
using Api.SsoMigration.Batches;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Api.Admin.Batches;

/// <summary>
/// Calls off a scheduled batch: its clients are free for another batch, and every partner of
/// its clients gets a Cancelled notice in the same transaction.
/// </summary>
public static class CancelBatch
{
    public static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        Guid id, StaffMember staff, [AsParameters] BatchServices s, CancellationToken cancellationToken)
    {
        await using var transaction = await SharedTransaction.BeginAsync(s.Db, cancellationToken);
        if (!await s.ChangeScheduledAsync(id, set => set.SetProperty(b => b.Status, MigrationBatchStatus.Cancelled), cancellationToken))
        {
            return await s.FindAsync(id, cancellationToken) is null ? BatchProblems.NotFound() : BatchProblems.NotScheduled();
        }

        var batch = (await s.FindAsync(id, cancellationToken))!;
        s.Record(staff, AuditActions.BatchCancelled, batch, new { Status = "scheduled" }, new { Status = "cancelled" });
        await s.Notices.QueueCancelledAsync(batch, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
