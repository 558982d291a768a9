using Api.Shared;
using Api.Admin.Staff;
using Api.Audit;
using Api.Shared.Transactions;
using Api.SsoMigration.Batches;
using Api.SsoMigration.Planning;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.Batches;

/// <summary>
/// Leaves one end user out of a scheduled batch (a readiness problem to fix first), or takes
/// them back in. The exclusion is the user's result row, status Excluded, so the run — which
/// queues only users without a row — passes them by. Audited under the user's partner, so the
/// partner's staff see why their user was not moved.
/// </summary>
public static class SetExclusion
{
    public static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> HandleAsync(
        Guid id, Guid endUserId, ExclusionRequest body, StaffMember staff, [AsParameters] BatchServices s, CancellationToken cancellationToken)
    {
        if (body.Excluded is not { } excluded)
        {
            return Problems.Invalid("excluded", "Say whether the user is excluded (true) or included (false).");
        }

        await using var transaction = await SharedTransaction.BeginAsync(s.Db, cancellationToken);
        var batch = await s.FindAsync(id, cancellationToken);
        if (batch is null)
        {
            return BatchProblems.NotFound();
        }

        // An update that changes nothing, to hold the batch "scheduled" until the commit: the
        // runner cannot claim it and queue this user in between.
        if (!await s.ChangeScheduledAsync(id, set => set.SetProperty(b => b.Status, MigrationBatchStatus.Scheduled), cancellationToken))
        {
            return BatchProblems.NotScheduled();
        }

        var user = await BatchPopulation.Everyone(s.Db, id).Where(u => u.Id == endUserId && !u.Deleted)
            .Select(u => new { u.Id, u.DisplayName, u.Client!.PartnerId })
            .FirstOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return BatchProblems.EndUserNotInBatch();
        }

        var row = await s.Db.MigrationResults.FirstOrDefaultAsync(r => r.BatchId == id && r.EndUserId == endUserId, cancellationToken);
        if ((row is not null) == excluded)
        {
            return TypedResults.NoContent();
        }

        if (excluded)
        {
            s.Db.MigrationResults.Add(new MigrationResult
            {
                BatchId = id,
                EndUserId = endUserId,
                Status = MigrationOutcomeStatus.Excluded,
                Reason = $"Excluded by {staff.Name} before the run",
            });
        }
        else
        {
            s.Db.MigrationResults.Remove(row!);
        }

        s.Audit.Record(
            staff.Actor,
            AuditActions.UserExcluded,
            user.PartnerId,
            new AuditTarget("end-user", user.Id.ToString(), user.DisplayName),
            new { Batch = batch.Name, Excluded = !excluded },
            new { Batch = batch.Name, Excluded = excluded });
        await s.Db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}

public sealed record ExclusionRequest(bool? Excluded);
