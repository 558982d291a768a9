using Api.Data;
using Api.SsoMigration.Batches;
using Api.SsoMigration.Notices;
using Microsoft.EntityFrameworkCore;

namespace Api.SsoMigration.Funnel;

/// <summary>
/// Keeps the funnel's tallies equal to its events. Every change to a user's place in a funnel — a
/// batch moving them, a rollback, a milestone, a deletion, a move to another client — is wrapped:
/// <see cref="BeginAsync"/> locks the user's result rows and reads what the user adds to the tallies,
/// the change is made and saved, <see cref="FunnelTallyChange.CompleteAsync"/> reads it again and adds
/// the difference, all in the caller's transaction. No site reasons about deltas, so none can get
/// one wrong; <see cref="FunnelTallyRebuild"/> recomputes a batch from the events for comparison.
/// </summary>
public sealed class FunnelTallies(AppDbContext db)
{
    /// <summary>Starts a change to one user's funnel place in one batch, or in every batch (<paramref name="batchId"/> null).</summary>
    public async Task<FunnelTallyChange> BeginAsync(Guid endUserId, Guid? batchId, CancellationToken cancellationToken)
    {
        // Held to the commit on SQL Server: two changes to one user's place come one after the other,
        // so neither reads a "before" the other is about to change. SQLite has one writer anyway.
        await db.MigrationResults.Where(r => r.EndUserId == endUserId && (batchId == null || r.BatchId == batchId))
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.Attempts, r => r.Attempts), cancellationToken);
        return new FunnelTallyChange(this, endUserId, batchId, await ReadAsync(endUserId, batchId, cancellationToken));
    }

    /// <summary>
    /// A user entering a batch's funnel from a result the caller has just claimed while Pending (so
    /// locked, and adding nothing yet): the "before" is known to be empty, no need to read it.
    /// </summary>
    public FunnelTallyChange Entering(Guid endUserId, Guid batchId) => new(this, endUserId, batchId, new FunnelContribution());

    internal async Task<FunnelContribution> ReadAsync(Guid endUserId, Guid? batchId, CancellationToken cancellationToken)
    {
        var moved = await (from result in db.MigrationResults
                           where result.EndUserId == endUserId && (batchId == null || result.BatchId == batchId)
                               && (result.Status == MigrationOutcomeStatus.Migrated || result.Status == MigrationOutcomeStatus.Linked)
                           join user in db.EndUsers on result.EndUserId equals user.Id
                           where !user.Deleted
                           join batch in db.MigrationBatches on result.BatchId equals batch.Id
                           select new { result.BatchId, user.ClientId, result.CompletedAt, batch.TimeZone })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var contribution = new FunnelContribution();
        if (moved.Count == 0)
        {
            return contribution;
        }

        var batchIds = moved.Select(m => m.BatchId).ToList();
        var milestones = await db.FunnelMilestones.AsNoTracking()
            .Where(m => m.EndUserId == endUserId && batchIds.Contains(m.BatchId))
            .Select(m => new { m.BatchId, m.Step, m.ReachedAt })
            .ToListAsync(cancellationToken);
        foreach (var person in moved)
        {
            contribution.AddPerson(person.BatchId, person.ClientId, FunnelContribution.ZoneOf(person.TimeZone), person.CompletedAt,
                milestones.Where(m => m.BatchId == person.BatchId).Select(m => (m.Step, m.ReachedAt)));
        }

        return contribution;
    }

    internal async Task AddAsync(IEnumerable<KeyValuePair<FunnelTallyKey, int>> changes, CancellationToken cancellationToken)
    {
        foreach (var (key, delta) in changes)
        {
            if (await UpdateAsync(key, delta, cancellationToken) == 1)
            {
                continue;
            }

            // The row's first count. A parallel first (another replica on SQL Server) may win the key:
            // its insert fails here, EF rolls back to its savepoint, and the count is added to the winner's row.
            object row = key.Day is { } day
                ? new FunnelDayTally { BatchId = key.BatchId, ClientId = key.ClientId, Step = key.Step, Day = day, Count = delta }
                : new FunnelTally { BatchId = key.BatchId, ClientId = key.ClientId, Furthest = key.Step, Count = delta };
            db.Add(row);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException exception) when (UniqueViolation.Is(exception))
            {
                db.Entry(row).State = EntityState.Detached;
                await UpdateAsync(key, delta, cancellationToken);
            }

            db.Entry(row).State = EntityState.Detached;
        }
    }

    private Task<int> UpdateAsync(FunnelTallyKey key, int delta, CancellationToken cancellationToken) =>
        key.Day is { } day
            ? db.FunnelDayTallies.Where(t => t.BatchId == key.BatchId && t.ClientId == key.ClientId && t.Step == key.Step && t.Day == day)
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.Count, t => t.Count + delta), cancellationToken)
            : db.FunnelTallies.Where(t => t.BatchId == key.BatchId && t.ClientId == key.ClientId && t.Furthest == key.Step)
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.Count, t => t.Count + delta), cancellationToken);
}

/// <summary>A change under way to one user's funnel place: what they added before it, to compare with after.</summary>
public sealed class FunnelTallyChange(FunnelTallies tallies, Guid endUserId, Guid? batchId, FunnelContribution before)
{
    /// <summary>After the change is saved (not yet committed): adds the difference to the tallies.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        var after = await tallies.ReadAsync(endUserId, batchId, cancellationToken);
        await tallies.AddAsync(after.Minus(before), cancellationToken);
    }
}
