using Api.Admin.Batches;
using Api.Admin.Staff;
using Api.Data;
using Api.Shared.Paging;
using Api.SsoMigration.Batches;
using Api.SsoMigration.Funnel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.Funnel;

/// <summary>
/// The admin home's funnels: each batch that has run or runs with the caller's clients (operators:
/// every batch), the latest first, each counting only the caller's clients' users. Scheduled and
/// cancelled batches moved nobody; a rolled-back batch moved everyone back.
/// </summary>
public static class ListFunnels
{
    /// <summary>A funnel is a panel with a chart: a few per page.</summary>
    public static readonly PageSizeLimits Limits = new(5, 50);

    private static readonly MigrationBatchStatus[] Started = [MigrationBatchStatus.Running, MigrationBatchStatus.Completed];

    public static async Task<Results<Ok<Page<BatchFunnel>>, ValidationProblem>> HandleAsync(
        [AsParameters] PageRequest paging, StaffMember staff, AppDbContext db, CancellationToken cancellationToken)
    {
        if (paging.Check(Limits, out var page) is { } invalidPage)
        {
            return invalidPage;
        }

        var clients = staff.Scope(db.Clients.AsNoTracking());
        var visibleIds = clients.Select(c => c.Id);
        var batches = db.MigrationBatches.AsNoTracking()
            .Where(b => Started.Contains(b.Status) && b.Clients.Any(c => visibleIds.Contains(c.ClientId)));
        var total = await batches.CountAsync(cancellationToken);
        var shown = await batches.OrderByDescending(b => b.ScheduledAt).ThenByDescending(b => b.Id).Slice(page).ToListAsync(cancellationToken);
        var ids = shown.Select(b => b.Id).ToList();

        var names = await (from member in db.Set<MigrationBatchClient>()
                           where ids.Contains(member.BatchId)
                           join client in clients on member.ClientId equals client.Id
                           orderby client.Name
                           select new { member.BatchId, client.Name })
            .ToListAsync(cancellationToken);
        // The tallies of the caller's clients in these batches: a few rows per client, whatever their size.
        var counts = await db.FunnelTallies.AsNoTracking()
            .Where(t => ids.Contains(t.BatchId) && visibleIds.Contains(t.ClientId))
            .GroupBy(t => new { t.BatchId, t.Furthest })
            .Select(g => new { g.Key.BatchId, g.Key.Furthest, Count = g.Sum(t => t.Count) })
            .ToListAsync(cancellationToken);
        var lastDays = await db.FunnelDayTallies.AsNoTracking()
            .Where(t => ids.Contains(t.BatchId) && visibleIds.Contains(t.ClientId) && t.Step == FunnelStep.Moved && t.Count > 0)
            .GroupBy(t => t.BatchId)
            .Select(g => new { BatchId = g.Key, Day = g.Max(t => t.Day) })
            .ToDictionaryAsync(g => g.BatchId, g => g.Day, cancellationToken);

        return TypedResults.Ok(page.Of(
            [.. shown.Select(batch =>
            {
                var funnel = FunnelReport.From(
                    counts.Where(c => c.BatchId == batch.Id).ToDictionary(c => c.Furthest, c => c.Count),
                    batch.Status == MigrationBatchStatus.Running,
                    FunnelReport.DayStart(lastDays.TryGetValue(batch.Id, out var day) ? day : null));
                return new BatchFunnel(
                    batch.Id,
                    batch.Name,
                    BatchWireNames.Of(batch.Status),
                    batch.ScheduledAt,
                    batch.TimeZone,
                    batch.StartedAt,
                    batch.CompletedAt,
                    [.. names.Where(n => n.BatchId == batch.Id).Select(n => n.Name)],
                    funnel);
            })],
            total));
    }
}

/// <summary>A batch and its funnel, as the admin home shows it.</summary>
/// <param name="Status">"running" or "completed".</param>
/// <param name="Clients">The caller's clients in the batch (an operator's: all of them), by name.</param>
public sealed record BatchFunnel(
    Guid BatchId,
    string Name,
    string Status,
    DateTime ScheduledAt,
    string TimeZone,
    DateTime? StartedAt,
    DateTime? CompletedAt,
    IReadOnlyList<string> Clients,
    FunnelReport Funnel);
