using Api.Data;
using Api.SsoMigration;
using Api.SsoMigration.Batches;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.ManageUsers;

/// <summary>
/// The migration state of the unmarked users of one page (or one export chunk): three queries
/// whatever their number — their clients' batches, their results in those batches, and the rows
/// that already hold the address of an imported twin. The rules are the run's own
/// (<see cref="EndUserMigrator"/>), so the state says what the next run will do; the Needs attention
/// filter (<see cref="EndUserAttention"/>) selects the same users in SQL.
/// </summary>
public static class EndUserMigrationStates
{
    /// <summary>Batches a client's users are still due in, or that ran for them.</summary>
    private static readonly MigrationBatchStatus[] Current =
        [MigrationBatchStatus.Scheduled, MigrationBatchStatus.Running, MigrationBatchStatus.Paused, MigrationBatchStatus.Completed];

    public static async Task<Dictionary<Guid, EndUserMigration>> OfAsync(IReadOnlyCollection<EndUserListing> listings, AppDbContext db, CancellationToken cancellationToken)
    {
        var unmarked = listings.Where(u => !u.MigratedToSso).ToList();
        if (unmarked.Count == 0)
        {
            return [];
        }

        var clientIds = unmarked.Select(u => u.ClientId).Distinct().ToList();
        var batches = await (from member in db.Set<MigrationBatchClient>().AsNoTracking()
                             where clientIds.Contains(member.ClientId)
                             join batch in db.MigrationBatches on member.BatchId equals batch.Id
                             where Current.Contains(batch.Status)
                             select new Batch(member.ClientId, batch.Id, batch.Status, batch.ScheduledAt, batch.TimeZone))
            .ToListAsync(cancellationToken);
        var batchIds = batches.Select(b => b.Id).Distinct().ToList();
        var userIds = unmarked.Select(u => u.Id).ToList();
        var results = (await db.MigrationResults.AsNoTracking()
                .Where(r => batchIds.Contains(r.BatchId) && userIds.Contains(r.EndUserId))
                .Select(r => new Result(r.BatchId, r.EndUserId, r.Status, r.Reason))
                .ToListAsync(cancellationToken))
            .ToLookup(r => r.EndUserId);
        var spellings = unmarked.Select(u => u.SsoEmailMismatch).OfType<string>().Where(a => a.Length > 0).Distinct().ToList();
        var taken = spellings.Count == 0
            ? []
            : await db.EndUsers.AsNoTracking().Where(o => spellings.Contains(o.Email) && !o.Deleted).Select(o => o.Email).ToListAsync(cancellationToken);

        var byClient = batches.ToLookup(b => b.ClientId);
        return unmarked.ToDictionary(u => u.Id, u => Of(u, byClient[u.ClientId].ToList(), results[u.Id].ToList(), taken));
    }

    private static EndUserMigration Of(EndUserListing user, List<Batch> batches, List<Result> results, List<string> taken)
    {
        // What keeps the user back whatever the batch: an answer from the account's owner, an address.
        if (user.AccessDeclined)
        {
            return new EndUserMigration(MigrationStateNames.OwnerDeclined, null, null, null, NeedsAttention: true);
        }

        if (user.AccessRequested)
        {
            return new EndUserMigration(MigrationStateNames.AwaitingOwner, null, null, null, NeedsAttention: false);
        }

        var open = batches.FirstOrDefault(b => b.Status != MigrationBatchStatus.Completed);
        // With no batch still due, the run that failed them (if one did), else the latest.
        var failed = open is null
            ? batches.Where(b => results.Any(r => r.BatchId == b.Id && r.Status == MigrationOutcomeStatus.Failed)).MaxBy(b => b.ScheduledAt)
            : null;
        var batch = open ?? failed ?? batches.MaxBy(b => b.ScheduledAt);
        EndUserMigration State(string state, string? reason = null, bool attention = false) =>
            new(state, batch?.ScheduledAt, batch?.TimeZone, reason, attention);

        if (user.SsoEmailMismatch == "")
        {
            return State(MigrationStateNames.NoUsableEmail, attention: true);
        }

        if (user.SsoEmailMismatch is { } canonical && taken.Contains(canonical))
        {
            return State(MigrationStateNames.DuplicateEmail, attention: true);
        }

        var result = batch is null ? null : results.FirstOrDefault(r => r.BatchId == batch.Id);
        return (batch?.Status, result?.Status) switch
        {
            (null, _) => State(MigrationStateNames.NotPlanned),
            (_, MigrationOutcomeStatus.Excluded) => State(MigrationStateNames.Excluded),
            (_, MigrationOutcomeStatus.Failed) => State(MigrationStateNames.Failed, PartnerReason(result!.Reason), attention: IsTheirsToFix(result.Reason)),
            (MigrationBatchStatus.Running, _) => State(MigrationStateNames.Moving),
            (MigrationBatchStatus.Paused, _) => State(MigrationStateNames.Paused),
            (MigrationBatchStatus.Scheduled, _) => State(MigrationStateNames.Scheduled),
            _ => State(MigrationStateNames.NextRun),
        };
    }

    /// <summary>A failure the partner can fix (two of their users on one address); every other failure is the platform's.</summary>
    public static bool IsTheirsToFix(string? reason) => reason == EndUserMigrator.AccountOfAnotherUser;

    /// <summary>Why the move failed, for the partner: their own fix in full, a technical failure without its details.</summary>
    private static string PartnerReason(string? reason) =>
        IsTheirsToFix(reason) ? reason! : "A technical problem on the platform's side; the platform team has been told.";

    private sealed record Batch(Guid ClientId, Guid Id, MigrationBatchStatus Status, DateTime ScheduledAt, string TimeZone);

    private sealed record Result(Guid BatchId, Guid EndUserId, MigrationOutcomeStatus Status, string? Reason);
}
