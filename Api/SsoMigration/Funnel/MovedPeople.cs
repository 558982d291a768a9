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
        // The furthest step comes from a derived table joined on (batch, user), not a subquery per
        // row: SQL Server refuses to GROUP BY a subquery, and the funnel groups by this step.
        from result in db.MigrationResults
        where result.Status == MigrationOutcomeStatus.Migrated || result.Status == MigrationOutcomeStatus.Linked
        join user in users on result.EndUserId equals user.Id
        join furthest in Furthest(db) on new { result.BatchId, result.EndUserId } equals new { furthest.BatchId, furthest.EndUserId } into reached
        from furthest in reached.DefaultIfEmpty()
        select new MovedPerson
        {
            BatchId = result.BatchId,
            EndUserId = user.Id,
            ClientId = user.ClientId,
            MovedAt = result.CompletedAt,
            Furthest = (FunnelStep?)furthest.Step ?? FunnelStep.Moved,
        };

    private static IQueryable<FurthestStep> Furthest(AppDbContext db) =>
        from milestone in db.FunnelMilestones
        group milestone by new { milestone.BatchId, milestone.EndUserId } into steps
        select new FurthestStep { BatchId = steps.Key.BatchId, EndUserId = steps.Key.EndUserId, Step = steps.Max(m => m.Step) };

    private sealed class FurthestStep
    {
        public Guid BatchId { get; init; }
        public Guid EndUserId { get; init; }
        public FunnelStep Step { get; init; }
    }
}
