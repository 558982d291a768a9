using Api.Admin.Staff;
using Api.Audit;
using Api.Shared;
using Api.Shared.Transactions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Api.Admin.Batches;

/// <summary>
/// Moves a scheduled batch to another date. Every partner of its clients gets a Rescheduled
/// notice in the same transaction — whether or not they had heard of the old date: the new date
/// is what they must plan for. The same date and zone again change nothing and send nothing.
/// </summary>
public static class RescheduleBatch
{
    public static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> HandleAsync(
        Guid id, RescheduleBatchRequest body, StaffMember staff, [AsParameters] BatchServices s, CancellationToken cancellationToken)
    {
        var (scheduledAt, timeZone, problem) = BatchInput.Schedule(body.ScheduledAt, body.TimeZone, s.Now);
        if (problem is not null)
        {
            return problem;
        }

        await using var transaction = await SharedTransaction.BeginAsync(s.Db, cancellationToken);
        var before = await s.FindAsync(id, cancellationToken);
        if (before is null)
        {
            return BatchProblems.NotFound();
        }

        if (before.WindowOpensAt >= scheduledAt)
        {
            return Problems.Invalid("scheduledAt", "Choose a date after the time users can start moving by logging in, or change that time with Edit first.");
        }

        if (!await s.ChangeScheduledAsync(id, set => set.SetProperty(b => b.ScheduledAt, scheduledAt).SetProperty(b => b.TimeZone, timeZone!), cancellationToken))
        {
            return BatchProblems.NotScheduled();
        }

        if (before.ScheduledAt == scheduledAt && before.TimeZone == timeZone)
        {
            return TypedResults.NoContent();
        }

        var batch = (await s.FindAsync(id, cancellationToken))!;
        s.Record(
            staff,
            AuditActions.BatchRescheduled,
            batch,
            new { ScheduledAt = IsoTime.Of(before.ScheduledAt), before.TimeZone },
            new { ScheduledAt = IsoTime.Of(scheduledAt), TimeZone = timeZone });
        await s.Notices.QueueRescheduledAsync(batch, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}

public sealed record RescheduleBatchRequest(DateTimeOffset? ScheduledAt, string? TimeZone);
