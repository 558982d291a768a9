using Api.Data;
using Api.SsoMigration.Funnel;

namespace Api.Admin.Funnel;

/// <summary>A person of the funnel: who, where, how far they got, and when they took each step.</summary>
/// <param name="Step">Their furthest step: "moved", "activated", "enrolled", "signed-in" or "returned".</param>
/// <param name="MovedAt">When the batch moved them.</param>
/// <param name="ReturnedAt">When they signed in to the portal again, in a later session, within 30 days of the first.</param>
public sealed record FunnelPersonRow(
    Guid EndUserId,
    string Name,
    string Email,
    string ClientName,
    Guid BatchId,
    string BatchName,
    string Step,
    DateTime? MovedAt,
    DateTime? ActivatedAt,
    DateTime? EnrolledAt,
    DateTime? FirstSignInAt,
    DateTime? ReturnedAt);

/// <summary>A row as SQL gives it: the step as the enum, spelled for the wire by <see cref="Row"/>.</summary>
public sealed record FunnelPersonListing(
    Guid EndUserId,
    string Name,
    string Email,
    string ClientName,
    Guid BatchId,
    string BatchName,
    FunnelStep Furthest,
    DateTime? MovedAt,
    DateTime? ActivatedAt,
    DateTime? EnrolledAt,
    DateTime? FirstSignInAt,
    DateTime? ReturnedAt)
{
    public FunnelPersonRow Row => new(
        EndUserId, Name, Email, ClientName, BatchId, BatchName, FunnelWireNames.Of(Furthest), MovedAt, ActivatedAt, EnrolledAt, FirstSignInAt, ReturnedAt);
}

/// <summary>The people of a scope, at one step or all of them, in a stable order (client, name, id): the list and the CSV export read the same.</summary>
public static class FunnelPeople
{
    public static IQueryable<FunnelPersonListing> Listed(AppDbContext db, FunnelScope scope, FunnelStep? step) =>
        from person in scope.Moved
        where step == null || person.Furthest == step
        join user in db.EndUsers on person.EndUserId equals user.Id
        join batch in db.MigrationBatches on person.BatchId equals batch.Id
        orderby user.Client!.Name, user.DisplayName, user.Id, batch.Id
        select new FunnelPersonListing(
            user.Id,
            user.DisplayName,
            user.Email,
            user.Client!.Name,
            batch.Id,
            batch.Name,
            person.Furthest,
            person.MovedAt,
            db.FunnelMilestones.Where(m => m.BatchId == person.BatchId && m.EndUserId == person.EndUserId && m.Step == FunnelStep.EmailActivated).Select(m => (DateTime?)m.ReachedAt).FirstOrDefault(),
            db.FunnelMilestones.Where(m => m.BatchId == person.BatchId && m.EndUserId == person.EndUserId && m.Step == FunnelStep.AuthenticatorEnrolled).Select(m => (DateTime?)m.ReachedAt).FirstOrDefault(),
            db.FunnelMilestones.Where(m => m.BatchId == person.BatchId && m.EndUserId == person.EndUserId && m.Step == FunnelStep.FirstPortalSignIn).Select(m => (DateTime?)m.ReachedAt).FirstOrDefault(),
            db.FunnelMilestones.Where(m => m.BatchId == person.BatchId && m.EndUserId == person.EndUserId && m.Step == FunnelStep.ReturnedWithin30Days).Select(m => (DateTime?)m.ReachedAt).FirstOrDefault());
}
