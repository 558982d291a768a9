using Api.Admin.Staff;
using Api.Data;
using Api.SsoMigration.Batches;
using Api.SsoMigration.Planning;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.Batches;

/// <summary>
/// The batches coming for the caller's clients (operators: every client), soonest first: the
/// admin area's banner and home. Scheduled, running and paused ones, and a completed one while some
/// of the caller's users in it failed and are not moved yet (what the Failed notice told them).
/// Each lists only the caller's own clients, never another partner's.
/// </summary>
public static class UpcomingBatches
{
    public static async Task<Ok<List<UpcomingBatch>>> HandleAsync(StaffMember staff, AppDbContext db, CancellationToken cancellationToken)
    {
        var clients = staff.Scope(db.Clients);
        // The caller's users whose move failed in a batch and who are still on the portal's form.
        var failed = from result in db.MigrationResults
                     where result.Status == MigrationOutcomeStatus.Failed
                     join user in db.EndUsers on result.EndUserId equals user.Id
                     where !user.Deleted && !user.MigratedToSso
                     select new { result.BatchId, user.ClientId };
        var rows = await (from batch in db.MigrationBatches.AsNoTracking()
                          where BatchPopulation.Open.Contains(batch.Status)
                              || (batch.Status == MigrationBatchStatus.Completed && failed.Any(f => f.BatchId == batch.Id))
                          from member in batch.Clients
                          join client in clients on member.ClientId equals client.Id
                          orderby batch.ScheduledAt, batch.Id, client.Name
                          select new
                          {
                              batch.Id,
                              batch.ScheduledAt,
                              batch.TimeZone,
                              batch.WindowOpensAt,
                              batch.Status,
                              Resumes = batch.StartedAt != null,
                              Client = new UpcomingClient(
                                  client.Id,
                                  client.Name,
                                  client.EndUsers.Count(u => !u.Deleted),
                                  failed.Count(f => f.BatchId == batch.Id && f.ClientId == client.Id)),
                          })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rows
            .GroupBy(r => new { r.Id, r.ScheduledAt, r.TimeZone, r.WindowOpensAt, r.Status, r.Resumes })
            // A completed batch is shown only where the caller's own users failed in it.
            .Where(g => g.Key.Status != MigrationBatchStatus.Completed || g.Any(r => r.Client.Failed > 0))
            .Select(g => new UpcomingBatch(
                g.Key.Id, g.Key.ScheduledAt, g.Key.TimeZone, g.Key.WindowOpensAt, BatchWireNames.Of(g.Key.Status), g.Key.Resumes, [.. g.Select(r => r.Client)]))
            .ToList());
    }
}

/// <param name="WindowOpensAt">From then until the run, the clients' users move when they log in on the portal's form; null when they move only with the batch.</param>
/// <param name="Status">"scheduled", "running", "paused", or "completed" (then some of the caller's users failed and wait for the next run).</param>
/// <param name="Resumes">The batch ran before (paused, or completed with users left behind): a scheduled date is when it goes on with the users not moved yet.</param>
/// <param name="Clients">The caller's clients in the batch.</param>
public sealed record UpcomingBatch(Guid BatchId, DateTime ScheduledAt, string TimeZone, DateTime? WindowOpensAt, string Status, bool Resumes, IReadOnlyList<UpcomingClient> Clients);

/// <param name="EndUsers">The client's end users (not deleted).</param>
/// <param name="Failed">Of them, those whose move failed in this batch and who are not on Single Sign-On yet.</param>
public sealed record UpcomingClient(Guid Id, string Name, int EndUsers, int Failed);
