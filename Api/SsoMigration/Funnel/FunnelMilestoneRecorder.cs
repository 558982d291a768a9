using Api.Data;
using Api.Shared;
using Api.Shared.Transactions;
using Api.Sso.Accounts;
using Api.SsoMigration.Batches;
using Api.SsoMigration.Notices;
using Microsoft.EntityFrameworkCore;

namespace Api.SsoMigration.Funnel;

/// <summary>
/// Writes the funnel's milestones as the SSO reports an account's steps: for each end user linked
/// to the account whose result in a batch is Migrated or Linked, the step is recorded once for that
/// batch. A portal sign-in is the first one, or — from a later SSO session, within
/// <see cref="ReturnWindow"/> of the first — the return; renewals in the same session, other
/// products' sign-ins and accounts that no batch moved write nothing. Joins the caller's
/// transaction (an activation that rolls back is not counted); its metrics count after the commit.
/// </summary>
public sealed class FunnelMilestoneRecorder(AppDbContext db, FunnelTallies tallies, MigrationMetrics metrics, TimeProvider clock) : IAccountMilestoneListener
{
    /// <summary>How long after the first portal sign-in a sign-in in another session counts as coming back.</summary>
    public static readonly TimeSpan ReturnWindow = TimeSpan.FromDays(30);

    public async Task ReachedAsync(AccountMilestoneReached reached, CancellationToken cancellationToken = default)
    {
        var step = reached.Milestone switch
        {
            AccountMilestone.EmailActivated => FunnelStep.EmailActivated,
            AccountMilestone.AuthenticatorEnrolled => FunnelStep.AuthenticatorEnrolled,
            AccountMilestone.SignedIn when reached.ProductClientId == PortalProduct.ClientId => FunnelStep.FirstPortalSignIn,
            _ => (FunnelStep?)null,
        };
        if (step is null)
        {
            return;
        }

        // One query, on every portal sign-in and silent renewal: mostly it finds everything written.
        var moved = await (from user in db.EndUsers
                           where user.SsoAccountId == reached.AccountId && !user.Deleted
                           join result in db.MigrationResults on user.Id equals result.EndUserId
                           where result.Status == MigrationOutcomeStatus.Migrated || result.Status == MigrationOutcomeStatus.Linked
                           select new
                           {
                               user.Id,
                               result.BatchId,
                               Written = db.FunnelMilestones.Any(m => m.EndUserId == user.Id && m.BatchId == result.BatchId && m.Step == step),
                               First = db.FunnelMilestones
                                   .Where(m => m.EndUserId == user.Id && m.BatchId == result.BatchId && m.Step == FunnelStep.FirstPortalSignIn)
                                   .Select(m => new { m.ReachedAt, m.SessionId })
                                   .FirstOrDefault(),
                               Returned = db.FunnelMilestones.Any(m => m.EndUserId == user.Id && m.BatchId == result.BatchId && m.Step == FunnelStep.ReturnedWithin30Days),
                           })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var row in moved)
        {
            if (!row.Written)
            {
                await RecordOnceAsync(new FunnelMilestone { EndUserId = row.Id, BatchId = row.BatchId, Step = step.Value, ReachedAt = now, SessionId = reached.SessionId }, cancellationToken);
            }
            else if (step == FunnelStep.FirstPortalSignIn
                     && row is { Returned: false, First: { } first }
                     && first.SessionId != reached.SessionId
                     && now - first.ReachedAt <= ReturnWindow)
            {
                await RecordOnceAsync(new FunnelMilestone { EndUserId = row.Id, BatchId = row.BatchId, Step = FunnelStep.ReturnedWithin30Days, ReachedAt = now, SessionId = reached.SessionId }, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Inserts the milestone unless it exists, and counts it in the tallies: looked for first (on
    /// SQLite the writers' gate makes look-and-insert one step per process; on SQL Server the
    /// tallies' lock on the user's result does), and the unique index settles any race left — the
    /// loser's insert fails, is rolled back to EF's savepoint and forgotten, and the caller's
    /// transaction carries on.
    /// </summary>
    private async Task RecordOnceAsync(FunnelMilestone milestone, CancellationToken cancellationToken)
    {
        await using var transaction = await SharedTransaction.BeginAsync(db, cancellationToken);
        var tally = await tallies.BeginAsync(milestone.EndUserId, milestone.BatchId, cancellationToken);
        if (await db.FunnelMilestones.AnyAsync(m => m.EndUserId == milestone.EndUserId && m.BatchId == milestone.BatchId && m.Step == milestone.Step, cancellationToken))
        {
            return;
        }

        db.FunnelMilestones.Add(milestone);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (UniqueViolation.Is(exception))
        {
            db.Entry(milestone).State = EntityState.Detached;
            return;
        }

        await tally.CompleteAsync(cancellationToken);
        await AfterCommit.RunAsync(db, () =>
        {
            metrics.Reached(milestone.Step);
            return Task.CompletedTask;
        });
        await transaction.CommitAsync(cancellationToken);
    }
}
