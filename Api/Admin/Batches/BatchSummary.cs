using Api.Data;
using Api.SsoMigration.Batches;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.Batches;

/// <summary>A batch as the console's list shows it.</summary>
/// <param name="Status">"scheduled", "running", "paused", "completed", "cancelled" or "rolled-back".</param>
public sealed record BatchSummary(Guid Id, string Name, DateTime ScheduledAt, string TimeZone, string Status, IReadOnlyList<BatchClient> Clients, BatchCounts Counts)
{
    /// <summary>The summaries of some batches, in their order, with three queries whatever their number.</summary>
    public static async Task<List<BatchSummary>> OfAsync(AppDbContext db, IReadOnlyList<MigrationBatch> batches, CancellationToken cancellationToken)
    {
        var ids = batches.Select(b => b.Id).ToList();
        var clients = await (from member in db.Set<MigrationBatchClient>()
                             where ids.Contains(member.BatchId)
                             join client in db.Clients on member.ClientId equals client.Id
                             orderby client.Name
                             select new
                             {
                                 member.BatchId,
                                 Client = new BatchClient(client.Id, client.Name, client.Partner!.Name),
                                 ToMove = client.EndUsers.Count(u => !u.Deleted && !u.MigratedToSso),
                             })
            .ToListAsync(cancellationToken);
        var results = await db.MigrationResults
            .Where(r => ids.Contains(r.BatchId))
            .GroupBy(r => new { r.BatchId, r.Status })
            .Select(g => new { g.Key.BatchId, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);

        return [.. batches.Select(batch =>
        {
            var mine = clients.Where(c => c.BatchId == batch.Id).ToList();
            var byStatus = results.Where(r => r.BatchId == batch.Id).ToDictionary(r => r.Status, r => r.Count);
            return new BatchSummary(
                batch.Id,
                batch.Name,
                batch.ScheduledAt,
                batch.TimeZone,
                BatchWireNames.Of(batch.Status),
                [.. mine.Select(c => c.Client)],
                BatchCounts.Of(batch.Status, mine.Sum(c => c.ToMove), byStatus));
        })];
    }
}

public sealed record BatchClient(Guid Id, string Name, string PartnerName);

/// <summary>
/// How many users a batch is about, by outcome. Before the run: <see cref="Total"/> is its
/// clients' users still to move (deleted and migrated ones left out), less the excluded ones
/// pending, and the users who already moved by logging in (mixed mode). Once running (and after,
/// even when given a new date): the result rows, one per user the run (or a log-in) took.
/// </summary>
public sealed record BatchCounts(int Total, int Pending, int Excluded, int Migrated, int Linked, int Skipped, int Failed, int RolledBack)
{
    public static BatchCounts Of(MigrationBatchStatus status, int toMove, IReadOnlyDictionary<MigrationOutcomeStatus, int> results)
    {
        int Count(MigrationOutcomeStatus outcome) => results.GetValueOrDefault(outcome);
        var excluded = Count(MigrationOutcomeStatus.Excluded);
        // Before a first run there are no results but exclusions; a batch given a new date after a
        // pause or with users left behind keeps counting its results.
        if (status is MigrationBatchStatus.Scheduled or MigrationBatchStatus.Cancelled && results.Keys.All(k => k == MigrationOutcomeStatus.Excluded))
        {
            // Users who moved by logging in while the window was open (mixed mode) already have their result.
            return new BatchCounts(
                toMove, Math.Max(0, toMove - excluded), excluded, Count(MigrationOutcomeStatus.Migrated), Count(MigrationOutcomeStatus.Linked), 0, 0, Count(MigrationOutcomeStatus.RolledBack));
        }

        return new BatchCounts(
            results.Values.Sum(),
            Count(MigrationOutcomeStatus.Pending),
            excluded,
            Count(MigrationOutcomeStatus.Migrated),
            Count(MigrationOutcomeStatus.Linked),
            Count(MigrationOutcomeStatus.Skipped),
            Count(MigrationOutcomeStatus.Failed),
            Count(MigrationOutcomeStatus.RolledBack));
    }
}
