using Api.Data;
using Api.SsoMigration.Batches;
using Microsoft.EntityFrameworkCore;

namespace Api.SsoMigration.Planning;

/// <summary>
/// Which clients a batch may take: clients that exist and are not already due in another batch
/// (scheduled or running), since a client's users move once and in one go.
/// </summary>
public static class BatchClients
{
    public static async Task<BatchClientsCheck> CheckAsync(
        AppDbContext db, IReadOnlyCollection<Guid> clientIds, Guid? exceptBatchId, CancellationToken cancellationToken)
    {
        var clients = await db.Clients.AsNoTracking()
            .Where(c => clientIds.Contains(c.Id))
            .OrderBy(c => c.Name)
            .Select(c => new BatchClientName(c.Id, c.Name))
            .ToListAsync(cancellationToken);
        if (clients.Count != clientIds.Count)
        {
            return new BatchClientsCheck(null, Conflict: null);
        }

        var conflict = await (from member in db.Set<MigrationBatchClient>()
                              where clientIds.Contains(member.ClientId) && member.BatchId != exceptBatchId
                              join batch in db.MigrationBatches on member.BatchId equals batch.Id
                              where BatchPopulation.Open.Contains(batch.Status)
                              join client in db.Clients on member.ClientId equals client.Id
                              orderby client.Name
                              select new BatchClientConflict(client.Name, batch.Name))
            .FirstOrDefaultAsync(cancellationToken);
        return new BatchClientsCheck(clients, conflict);
    }
}

/// <param name="Clients">The clients by name; null when one of the ids is unknown.</param>
/// <param name="Conflict">The first client already due in another batch, if any.</param>
public sealed record BatchClientsCheck(IReadOnlyList<BatchClientName>? Clients, BatchClientConflict? Conflict);

public sealed record BatchClientName(Guid Id, string Name);

public sealed record BatchClientConflict(string ClientName, string BatchName);
