using Api.SsoMigration.Batches;
using Api.SsoMigration.Funnel;

namespace Benchmarks.Seeding;

/// <summary>
/// What the partner's completed waves left behind, as the Api writes it: one result per moved
/// member (Migrated, or Linked for the 5% who had an account), completed the moment the member
/// moved; and the funnel's milestones of each member's <see cref="MovedUserJourney"/>, the steps
/// their account shows (activated, authenticator, first portal sign-in and the return in a later
/// session), each once, in the order of the steps.
/// </summary>
public static class CrowdHistory
{
    public static IEnumerable<MigrationResult> Results(PartnerCrowd crowd)
    {
        for (var i = 0; i < crowd.Size; i++)
        {
            if (!PartnerCrowd.Migrated(i))
            {
                continue;
            }

            var (wave, movedAt) = crowd.Move(i);
            yield return new MigrationResult
            {
                BatchId = wave.Id,
                EndUserId = crowd.EndUserId(i),
                Status = MovedUserJourney.LinksAccount(i) ? MigrationOutcomeStatus.Linked : MigrationOutcomeStatus.Migrated,
                Attempts = 1,
                CompletedAt = movedAt,
            };
        }
    }

    public static IEnumerable<FunnelMilestone> Milestones(PartnerCrowd crowd)
    {
        for (var i = 0; i < crowd.Size; i++)
        {
            if (!PartnerCrowd.Migrated(i))
            {
                continue;
            }

            var journey = crowd.Journey(i);
            var batchId = crowd.Move(i).Wave.Id;
            var endUserId = crowd.EndUserId(i);
            FunnelMilestone Reached(FunnelStep step, DateTime at, string? sessionId = null) =>
                new() { BatchId = batchId, EndUserId = endUserId, Step = step, ReachedAt = at, SessionId = sessionId };

            if (journey.Activated is { } activated)
            {
                yield return Reached(FunnelStep.EmailActivated, activated);
            }

            if (journey.Enrolled is { } enrolled)
            {
                yield return Reached(FunnelStep.AuthenticatorEnrolled, enrolled);
            }

            if (journey.SignedIn is { } signedIn)
            {
                yield return Reached(FunnelStep.FirstPortalSignIn, signedIn, MovedUserJourney.SessionId(crowd.PartnerIndex, i, returned: false));
            }

            if (journey.Returned is { } returned)
            {
                yield return Reached(FunnelStep.ReturnedWithin30Days, returned, MovedUserJourney.SessionId(crowd.PartnerIndex, i, returned: true));
            }
        }
    }
}
