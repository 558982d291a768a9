using Api.Data;
using Api.Shared.Transactions;
using Api.SsoMigration.Batches;
using Microsoft.EntityFrameworkCore;

namespace Api.SsoMigration.Execution;

/// <summary>One user waiting in a running batch, with what its audit entry needs.</summary>
public sealed record PendingUser(Guid ResultId, Guid BatchId, Guid EndUserId, string Name, Guid PartnerId);

/// <summary>The work list of a running batch: one Pending result row per user still to migrate.</summary>
public static class PendingResults
{
    /// <summary>
    /// Queues every non-deleted, not yet migrated end user of the batch's clients who has no
    /// result row in it yet, in one transaction. Run at every claim, not only the first: it is
    /// idempotent (the row is unique per batch and user), and a user added to a client while its
    /// batch ran, or before a retry, joins instead of keeping the client from completing.
    /// </summary>
    public static async Task<int> QueueAsync(AppDbContext db, Guid batchId, CancellationToken cancellationToken)
    {
        // Read and written under one transaction (on SQLite, the writer gate), so two runners
        // racing at an expired lease cannot both queue the same user.
        await using var transaction = await SharedTransaction.BeginAsync(db, cancellationToken);
        var clients = db.Set<MigrationBatchClient>().Where(c => c.BatchId == batchId).Select(c => c.ClientId);
        var users = await db.EndUsers
            .Where(u => clients.Contains(u.ClientId) && !u.Deleted && !u.MigratedToSso)
            .Where(u => !db.MigrationResults.Any(r => r.BatchId == batchId && r.EndUserId == u.Id))
            .OrderBy(u => u.Id)
            .Select(u => u.Id)
            .ToListAsync(cancellationToken);
        if (users.Count == 0)
        {
            return 0;
        }

        // EF batches the inserts: 10,000 users queue in well under a second.
        db.MigrationResults.AddRange(users.Select(id => new MigrationResult { BatchId = batchId, EndUserId = id }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return users.Count;
    }

    /// <summary>The next Pending users in a stable order; one query for the whole chunk.</summary>
    public static Task<List<PendingUser>> NextAsync(AppDbContext db, Guid batchId, int count, CancellationToken cancellationToken) =>
        db.MigrationResults.AsNoTracking()
            .Where(r => r.BatchId == batchId && r.Status == MigrationOutcomeStatus.Pending)
            .OrderBy(r => r.Id)
            .Take(count)
            .Join(db.EndUsers, r => r.EndUserId, u => u.Id, (r, u) => new PendingUser(r.Id, r.BatchId, u.Id, u.DisplayName, u.Client!.PartnerId))
            .ToListAsync(cancellationToken);
}
