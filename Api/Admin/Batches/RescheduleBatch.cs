using Api.Admin.Staff;
using Api.Audit;
using Api.Webhooks;
using Api.Shared;
using Api.Shared.Transactions;
using Api.SsoMigration;
using Api.SsoMigration.Batches;
using Api.SsoMigration.Funnel;
using Api.SsoMigration.Planning;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Api.Admin.Batches;

/// <summary>
/// Gives a batch another date: a scheduled one; a paused one (it goes on where it stopped); a
/// completed one with users left behind (its failed and skipped users run again, as a retry would).
/// Partners told a date hear of the change, the others get the announcement when it is due (see
/// MigrationNotices.QueueNewDateAsync), in the same transaction. Moving a date partners were told
/// to an earlier one inside the notice lead breaks their two weeks: refused until confirmed. The
/// same date and zone again change nothing and send nothing.
/// </summary>
public static class RescheduleBatch
{
    private static readonly MigrationOutcomeStatus[] LeftBehind = [MigrationOutcomeStatus.Failed, MigrationOutcomeStatus.Skipped];

    public static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> HandleAsync(
        Guid id,
        RescheduleBatchRequest body,
        StaffMember staff,
        [AsParameters] BatchServices s,
        IOptions<MigrationOptions> options,
        CancellationToken cancellationToken)
    {
        var (scheduledAt, timeZone, problem) = BatchInput.Schedule(body.ScheduledAt, body.TimeZone, s.Now);
        if (problem is not null)
        {
            return problem;
        }

        await using var transaction = await SharedTransaction.BeginAsync(s.Db, cancellationToken);
        var before = await s.FindAsync(id, cancellationToken);
        if (before is null)
        {
            return BatchProblems.NotFound();
        }

        if (await RefusalAsync(before, s, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (before.WindowOpensAt >= scheduledAt)
        {
            return Problems.Invalid("scheduledAt", "Choose a date after the time users can start moving by logging in, or change that time with Edit first.");
        }

        if (before.Status == MigrationBatchStatus.Scheduled && before.ScheduledAt == scheduledAt && before.TimeZone == timeZone)
        {
            return TypedResults.NoContent();
        }

        if (before.Status == MigrationBatchStatus.Scheduled && scheduledAt < before.ScheduledAt && scheduledAt < s.Now + options.Value.NoticeLead
            && body.ConfirmShortNotice != true && await s.Notices.AnyToldAsync(id, cancellationToken))
        {
            return ExecutionProblems.ShortNotice(before.ScheduledAt, before.TimeZone, BatchSchedule.Describe(scheduledAt, timeZone!));
        }

        // Conditional on what was read, as every change of a batch: the runner claims a due batch
        // the same way, so exactly one of the two wins.
        var changed = await s.Db.MigrationBatches
            .Where(b => b.Id == id && b.Status == before.Status && b.ScheduledAt == before.ScheduledAt)
            .ExecuteUpdateAsync(set => set
                .SetProperty(b => b.ScheduledAt, scheduledAt)
                .SetProperty(b => b.TimeZone, timeZone!)
                .SetProperty(b => b.Status, MigrationBatchStatus.Scheduled)
                .SetProperty(b => b.CompletedAt, (DateTime?)null), cancellationToken);
        if (changed == 0)
        {
            return BatchProblems.NotScheduled();
        }

        if (before.TimeZone != timeZone)
        {
            // The chart counts days in the batch's zone: the users it moved already move to the new zone's days.
            await FunnelTallyRebuild.RebuildAsync(s.Db, id, cancellationToken);
        }

        if (before.Status == MigrationBatchStatus.Completed)
        {
            await s.Db.MigrationResults.Where(r => r.BatchId == id && LeftBehind.Contains(r.Status))
                .ExecuteUpdateAsync(set => set.SetProperty(r => r.Status, MigrationOutcomeStatus.Pending).SetProperty(r => r.CompletedAt, (DateTime?)null), cancellationToken);
        }

        var batch = (await s.FindAsync(id, cancellationToken))!;
        s.Record(
            staff,
            AuditActions.BatchRescheduled,
            batch,
            new { ScheduledAt = IsoTime.Of(before.ScheduledAt), before.TimeZone, Status = BatchWireNames.Of(before.Status) },
            new { ScheduledAt = IsoTime.Of(scheduledAt), TimeZone = timeZone, Status = BatchWireNames.Of(batch.Status) });
        await s.Webhooks.RaiseAsync(id, WebhookEventTypes.BatchScheduled, cancellationToken: cancellationToken);
        await s.Notices.QueueNewDateAsync(batch, before.ScheduledAt, cancellationToken);
        await s.Db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>Why this batch cannot take a new date: it is running, cancelled or rolled back, completed with nobody left, or one of its clients is due in another batch since.</summary>
    private static async Task<ProblemHttpResult?> RefusalAsync(MigrationBatch batch, BatchServices s, CancellationToken cancellationToken)
    {
        switch (batch.Status)
        {
            case MigrationBatchStatus.Scheduled or MigrationBatchStatus.Paused:
                return null;
            case MigrationBatchStatus.Completed when await s.Db.MigrationResults.AnyAsync(r => r.BatchId == batch.Id && LeftBehind.Contains(r.Status), cancellationToken):
                var clients = await s.Db.Set<MigrationBatchClient>().Where(c => c.BatchId == batch.Id).Select(c => c.ClientId).ToListAsync(cancellationToken);
                var check = await BatchClients.CheckAsync(s.Db, clients, exceptBatchId: batch.Id, cancellationToken);
                return check.Conflict is { } conflict ? BatchProblems.ClientInAnotherBatch(conflict.ClientName, conflict.BatchName) : null;
            case MigrationBatchStatus.Completed:
                return BatchProblems.NothingLeft();
            default:
                return BatchProblems.NotScheduled();
        }
    }
}

/// <param name="ConfirmShortNotice">True once the operator has confirmed that an earlier date breaks the notice partners were given.</param>
public sealed record RescheduleBatchRequest(DateTimeOffset? ScheduledAt, string? TimeZone, bool? ConfirmShortNotice = null);
