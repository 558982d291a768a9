using Api.Data;
using Api.SsoMigration.Batches;
using Microsoft.EntityFrameworkCore;

namespace Api.SsoMigration.Funnel;

/// <summary>
/// A batch's tallies recomputed from its events (results, milestones, end users): after its time
/// zone changes (its days move), for data written without <see cref="FunnelTallies"/> (the bench's
/// seed), and as the reference the tests hold the kept tallies to. Run inside the caller's transaction.
/// </summary>
public static class FunnelTallyRebuild
{
    public static async Task RebuildAsync(AppDbContext db, Guid batchId, CancellationToken cancellationToken)
    {
        var counted = await ComputeAsync(db, batchId, cancellationToken);
        await db.FunnelTallies.Where(t => t.BatchId == batchId).ExecuteDeleteAsync(cancellationToken);
        await db.FunnelDayTallies.Where(t => t.BatchId == batchId).ExecuteDeleteAsync(cancellationToken);
        var rows = counted.Counts.Select(pair => pair.Key.Day is { } day
            ? (object)new FunnelDayTally { BatchId = batchId, ClientId = pair.Key.ClientId, Step = pair.Key.Step, Day = day, Count = pair.Value }
            : new FunnelTally { BatchId = batchId, ClientId = pair.Key.ClientId, Furthest = pair.Key.Step, Count = pair.Value }).ToList();
        db.AddRange(rows);
        await db.SaveChangesAsync(cancellationToken);
        rows.ForEach(row => db.Entry(row).State = EntityState.Detached);
    }

    /// <summary>What the batch's tallies must hold, counted from the events.</summary>
    public static async Task<FunnelContribution> ComputeAsync(AppDbContext db, Guid batchId, CancellationToken cancellationToken)
    {
        var zone = FunnelContribution.ZoneOf(await db.MigrationBatches.Where(b => b.Id == batchId).Select(b => b.TimeZone).FirstOrDefaultAsync(cancellationToken));
        var moved = await (from result in db.MigrationResults
                           where result.BatchId == batchId
                               && (result.Status == MigrationOutcomeStatus.Migrated || result.Status == MigrationOutcomeStatus.Linked)
                           join user in db.EndUsers on result.EndUserId equals user.Id
                           where !user.Deleted
                           select new { result.EndUserId, user.ClientId, result.CompletedAt })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var milestones = (await db.FunnelMilestones.AsNoTracking().Where(m => m.BatchId == batchId)
                .Select(m => new { m.EndUserId, m.Step, m.ReachedAt })
                .ToListAsync(cancellationToken))
            .ToLookup(m => m.EndUserId);
        var counted = new FunnelContribution();
        foreach (var person in moved)
        {
            counted.AddPerson(batchId, person.ClientId, zone, person.CompletedAt, milestones[person.EndUserId].Select(m => (m.Step, m.ReachedAt)));
        }

        return counted;
    }
}
