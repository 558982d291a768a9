using Api.Admin.Staff;
using Api.Data;
using Api.SsoMigration.Planning;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.Batches;

/// <summary>
/// The batches coming for the caller's clients (operators: every client), soonest first: the
/// admin area's banner. Each lists only the caller's own clients, never another partner's.
/// </summary>
public static class UpcomingBatches
{
    public static async Task<Ok<List<UpcomingBatch>>> HandleAsync(StaffMember staff, AppDbContext db, CancellationToken cancellationToken)
    {
        var rows = await (from batch in db.MigrationBatches.AsNoTracking()
                          where BatchPopulation.Open.Contains(batch.Status)
                          from member in batch.Clients
                          join client in staff.Scope(db.Clients) on member.ClientId equals client.Id
                          orderby batch.ScheduledAt, batch.Id, client.Name
                          select new
                          {
                              batch.Id,
                              batch.ScheduledAt,
                              batch.TimeZone,
                              batch.WindowOpensAt,
                              batch.Status,
                              Client = new UpcomingClient(client.Id, client.Name, client.EndUsers.Count(u => !u.Deleted)),
                          })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rows
            .GroupBy(r => new { r.Id, r.ScheduledAt, r.TimeZone, r.WindowOpensAt, r.Status })
            .Select(g => new UpcomingBatch(
                g.Key.Id, g.Key.ScheduledAt, g.Key.TimeZone, g.Key.WindowOpensAt, BatchWireNames.Of(g.Key.Status), [.. g.Select(r => r.Client)]))
            .ToList());
    }
}

/// <param name="Status">"scheduled" or "running".</param>
/// <param name="WindowOpensAt">From then until the run, the clients' users move when they log in on the portal's form; null when they move only with the batch.</param>
/// <param name="Clients">The caller's clients in the batch.</param>
public sealed record UpcomingBatch(Guid BatchId, DateTime ScheduledAt, string TimeZone, DateTime? WindowOpensAt, string Status, IReadOnlyList<UpcomingClient> Clients);

/// <param name="EndUsers">The client's end users (not deleted).</param>
public sealed record UpcomingClient(Guid Id, string Name, int EndUsers);
