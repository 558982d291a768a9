using Api.Data;
using Api.SsoMigration.Batches;
using Api.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Api.SsoMigration.Execution;

/// <summary>
/// Raises a batch's webhook event for each partner with clients in it, each with that partner's
/// numbers only (a batch spans partners; none hears of another's users). Joins the caller's unit of
/// work: the event exists if and only if the batch's change committed.
/// </summary>
public sealed class BatchWebhooks(AppDbContext db, IWebhookEvents events)
{
    /// <param name="failedOnly">For <see cref="WebhookEventTypes.BatchFailed"/>: only the partners some of whose users failed.</param>
    public async Task RaiseAsync(Guid batchId, string type, bool failedOnly = false, CancellationToken cancellationToken = default)
    {
        var batch = await db.MigrationBatches.AsNoTracking().SingleAsync(b => b.Id == batchId, cancellationToken);
        var clientIds = db.Set<MigrationBatchClient>().Where(c => c.BatchId == batchId).Select(c => c.ClientId);
        var partners = await db.Clients.Where(c => clientIds.Contains(c.Id)).Select(c => c.PartnerId).Distinct().ToListAsync(cancellationToken);
        var results = await (from result in db.MigrationResults
                             where result.BatchId == batchId
                             join user in db.EndUsers on result.EndUserId equals user.Id
                             group result by new { user.PartnerId, result.Status } into g
                             select new { g.Key.PartnerId, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        foreach (var partnerId in partners)
        {
            var counts = results.Where(r => r.PartnerId == partnerId).ToDictionary(r => MigrationWire.Status(r.Status), r => r.Count);
            if (failedOnly && counts.GetValueOrDefault(MigrationWire.Status(MigrationOutcomeStatus.Failed)) == 0)
            {
                continue;
            }

            await events.RaiseAsync(partnerId, type, new BatchEventData(batch.Id, batch.Name, batch.ScheduledAt, batch.StartedAt, batch.CompletedAt, counts), cancellationToken);
        }
    }
}

/// <summary>A batch event's <c>data</c>: the batch, and how its users of the receiving partner fared (by status; empty before it runs).</summary>
public sealed record BatchEventData(Guid BatchId, string Name, DateTime ScheduledAt, DateTime? StartedAt, DateTime? CompletedAt, IReadOnlyDictionary<string, int> Users);
