using Api.Admin.Batches;
using Api.Data;
using Api.Shared.Paging;
using Api.SsoMigration.Batches;
using Api.SsoMigration.Funnel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.Funnel;

/// <summary>
/// Operators: every batch on one timeline, the latest date first, with its phase and how complete
/// it is — the run's (users with a final outcome) and the funnel's (moved users who activated).
/// </summary>
public static class ListBatchTimeline
{
    public static async Task<Results<Ok<Page<TimelineBatch>>, ValidationProblem>> HandleAsync(
        [AsParameters] PageRequest paging, AppDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (paging.Check(PageSizeLimits.Standard, out var page) is { } invalidPage)
        {
            return invalidPage;
        }

        var batches = db.MigrationBatches.AsNoTracking();
        var total = await batches.CountAsync(cancellationToken);
        var shown = await batches.OrderByDescending(b => b.ScheduledAt).ThenByDescending(b => b.Id).Slice(page).ToListAsync(cancellationToken);
        var summaries = await BatchSummary.OfAsync(db, shown, cancellationToken);
        var ids = shown.Select(b => b.Id).ToList();
        var activated = await db.FunnelTallies
            .Where(t => ids.Contains(t.BatchId) && t.Furthest >= FunnelStep.EmailActivated)
            .GroupBy(t => t.BatchId)
            .Select(g => new { BatchId = g.Key, Count = g.Sum(t => t.Count) })
            .ToDictionaryAsync(g => g.BatchId, g => g.Count, cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        return TypedResults.Ok(page.Of(
            [.. shown.Zip(summaries, (batch, summary) =>
            {
                var counts = summary.Counts;
                var work = counts.Total - counts.Excluded;
                var started = batch.Status is not (MigrationBatchStatus.Scheduled or MigrationBatchStatus.Cancelled);
                var done = started ? work - counts.Pending : 0;
                var percent = BatchPercent.Of(done, work, batch.Status);
                return new TimelineBatch(
                    batch.Id,
                    batch.Name,
                    PhaseOf(batch, counts, now),
                    batch.ScheduledAt,
                    batch.TimeZone,
                    batch.StartedAt,
                    batch.CompletedAt,
                    work,
                    done,
                    percent,
                    counts.Migrated + counts.Linked,
                    counts.Failed,
                    activated.GetValueOrDefault(batch.Id));
            })],
            total));
    }

    /// <summary>
    /// The batch's status, with two states it does not store: <c>paused</c> (running, but no runner
    /// holds its lease: the replica stopped, or a retry waits to be picked up) and <c>failed</c>
    /// (completed with users it could not move, waiting for a retry).
    /// </summary>
    public static string PhaseOf(MigrationBatch batch, BatchCounts counts, DateTime now) => batch.Status switch
    {
        MigrationBatchStatus.Running when batch.LeaseUntil is not { } until || until < now => "paused",
        MigrationBatchStatus.Completed when counts.Failed > 0 => "failed",
        _ => BatchWireNames.Of(batch.Status),
    };
}

/// <param name="Phase">"scheduled", "running", "paused", "completed", "failed" (completed with failed users), "cancelled" or "rolled-back".</param>
/// <param name="Total">Users the run takes (excluded ones left out); before the run, those it will take.</param>
/// <param name="Done">Users of the run with a final outcome.</param>
/// <param name="Percent">Done of total, rounded down.</param>
/// <param name="Moved">Users migrated or linked.</param>
/// <param name="Activated">Moved users who have activated their e-mail (or gone further).</param>
public sealed record TimelineBatch(
    Guid Id,
    string Name,
    string Phase,
    DateTime ScheduledAt,
    string TimeZone,
    DateTime? StartedAt,
    DateTime? CompletedAt,
    int Total,
    int Done,
    int Percent,
    int Moved,
    int Failed,
    int Activated);
