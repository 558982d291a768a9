using Api.SsoMigration.Batches;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.Batches;

/// <summary>One batch: its summary, who planned it, its progress while it runs, and the notices sent. The SPA polls it every second while running.</summary>
public static class GetBatch
{
    /// <summary>The rate is measured over this last stretch of the run: recent enough to follow a change of pace.</summary>
    private static readonly TimeSpan RateWindow = TimeSpan.FromMinutes(1);

    public static async Task<Results<Ok<BatchDetail>, ProblemHttpResult>> HandleAsync(
        Guid id, [AsParameters] BatchServices s, CancellationToken cancellationToken)
    {
        var batch = await s.FindAsync(id, cancellationToken);
        if (batch is null)
        {
            return BatchProblems.NotFound();
        }

        var summary = (await BatchSummary.OfAsync(s.Db, [batch], cancellationToken))[0];
        var notices = await (from notice in s.Db.MigrationNotices.AsNoTracking()
                             where notice.BatchId == id
                             join partner in s.Db.Partners on notice.PartnerId equals partner.Id
                             orderby notice.SentAt, partner.Name
                             select new { partner.Name, notice.Kind, notice.ScheduledFor, notice.SentAt })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new BatchDetail(
            summary.Id,
            summary.Name,
            summary.ScheduledAt,
            summary.TimeZone,
            batch.WindowOpensAt,
            summary.Status,
            summary.Clients,
            summary.Counts,
            batch.CreatedAt,
            batch.CreatedBy,
            batch.StartedAt,
            batch.CompletedAt,
            await ProgressAsync(batch, summary.Counts, s, cancellationToken),
            [.. notices.Select(n => new BatchNoticeSent(n.Name, BatchWireNames.Of(n.Kind), n.ScheduledFor, n.SentAt))]));
    }

    private static async Task<BatchProgress> ProgressAsync(MigrationBatch batch, BatchCounts counts, BatchServices s, CancellationToken cancellationToken)
    {
        // Excluded users are never part of the run's work.
        var total = counts.Total - counts.Excluded;
        var done = batch.Status is MigrationBatchStatus.Scheduled or MigrationBatchStatus.Cancelled ? 0 : total - counts.Pending;
        var percent = BatchPercent.Of(done, total, batch.Status);
        if (batch is not { Status: MigrationBatchStatus.Running, StartedAt: { } startedAt })
        {
            return new BatchProgress(done, total, percent, 0, null);
        }

        var now = s.Now;
        var since = now - RateWindow;
        var recent = await s.Db.MigrationResults.CountAsync(r => r.BatchId == batch.Id && r.CompletedAt >= since, cancellationToken);
        var window = Math.Clamp((now - startedAt).TotalSeconds, 1, RateWindow.TotalSeconds);
        var perSecond = Math.Round(recent / window, 1);
        int? secondsLeft = perSecond > 0 ? (int)Math.Ceiling(counts.Pending / perSecond) : null;
        return new BatchProgress(done, total, percent, perSecond, secondsLeft);
    }
}

/// <summary>
/// A batch as its page shows it: the summary's fields, flat, then the run's. One constructor and no
/// base record, so the OpenAPI document marks every field required and the SPA's types need no cast.
/// <see cref="WindowOpensAt"/>: from then until the run, users move when they log in on the portal's form (null: no such window).
/// </summary>
public sealed record BatchDetail(
    Guid Id,
    string Name,
    DateTime ScheduledAt,
    string TimeZone,
    DateTime? WindowOpensAt,
    string Status,
    IReadOnlyList<BatchClient> Clients,
    BatchCounts Counts,
    DateTime CreatedAt,
    string CreatedBy,
    DateTime? StartedAt,
    DateTime? CompletedAt,
    BatchProgress Progress,
    IReadOnlyList<BatchNoticeSent> Notices);

/// <param name="Done">Users of the run with a final outcome.</param>
/// <param name="PerSecond">Users finished per second over the last minute of the run; 0 when not running.</param>
/// <param name="SecondsLeft">At that rate; null when not running or no rate yet.</param>
public sealed record BatchProgress(int Done, int Total, int Percent, double PerSecond, int? SecondsLeft);

/// <param name="Kind">"upcoming", "rescheduled", "cancelled" or "failed".</param>
/// <param name="ScheduledFor">The batch date the notice announced.</param>
public sealed record BatchNoticeSent(string PartnerName, string Kind, DateTime ScheduledFor, DateTime SentAt);
