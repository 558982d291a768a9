using Api.Data;
using Api.Portal;
using Api.SsoMigration.Batches;

namespace Api.SsoMigration.Funnel;

/// <summary>An end user a batch moved (result Migrated or Linked) and the furthest funnel step they reached since.</summary>
public sealed class MovedPerson
{
    public Guid BatchId { get; init; }
    public Guid EndUserId { get; init; }
    public Guid ClientId { get; init; }

    /// <summary>When the batch moved them (the result's completion).</summary>
    public DateTime? MovedAt { get; init; }
    public FunnelStep Furthest { get; init; }
}

/// <summary>
/// The funnel's population as a query: every Migrated or Linked result of the given end users
/// (already scoped to a caller, never deleted ones), with the furthest step written for it. A
/// rolled-back result is not Migrated or Linked any more, so a rolled-back user leaves the batch's
/// funnel; a retried user has one result per batch, so counts once.
/// </summary>
public static class MovedPeople
{
    public static IQueryable<MovedPerson> Of(AppDbContext db, IQueryable<EndUser> users) =>
        // The furthest step per row, from the unique (user, batch, step) index: a few index reads a
        // person, so a page of people costs what its rows cost, whatever else the table holds. (The
        // funnel's counts come from the tallies, FunnelTallies; nothing groups by this step in SQL.)
        from result in db.MigrationResults
        where result.Status == MigrationOutcomeStatus.Migrated || result.Status == MigrationOutcomeStatus.Linked
        join user in users on result.EndUserId equals user.Id
        select new MovedPerson
        {
            BatchId = result.BatchId,
            EndUserId = user.Id,
            ClientId = user.ClientId,
            MovedAt = result.CompletedAt,
            Furthest = db.FunnelMilestones
                .Where(m => m.EndUserId == result.EndUserId && m.BatchId == result.BatchId)
                .Max(m => (FunnelStep?)m.Step) ?? FunnelStep.Moved,
        };
}
