using Api.Admin.Staff;
using Api.Audit;
using Api.Webhooks;
using Api.Shared.Transactions;
using Api.SsoMigration.Batches;
using Api.SsoMigration.Planning;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Api.Admin.Batches;

/// <summary>
/// Plans a batch: a name, a date in a time zone, and clients not already due in another batch.
/// When the date is already within the notice lead, the partners are told at once, in the same
/// transaction as the batch itself.
/// </summary>
public static class CreateBatch
{
    public static async Task<Results<Created<CreatedBatch>, ProblemHttpResult, ValidationProblem>> HandleAsync(
        CreateBatchRequest body, StaffMember staff, [AsParameters] BatchServices s, CancellationToken cancellationToken)
    {
        var (name, nameProblem) = BatchInput.Name(body.Name);
        var (scheduledAt, timeZone, scheduleProblem) = BatchInput.Schedule(body.ScheduledAt, body.TimeZone, s.Now);
        var (clientIds, clientsProblem) = BatchInput.Clients(body.ClientIds);
        var (windowOpensAt, windowProblem) = BatchInput.Window(body.WindowOpensAt, scheduledAt);
        if ((nameProblem ?? scheduleProblem ?? clientsProblem ?? windowProblem) is { } problem)
        {
            return problem;
        }

        await using var transaction = await SharedTransaction.BeginAsync(s.Db, cancellationToken);
        var check = await BatchClients.CheckAsync(s.Db, clientIds!, exceptBatchId: null, cancellationToken);
        if (check.Clients is null)
        {
            return BatchProblems.ClientNotFound();
        }

        if (check.Conflict is { } conflict)
        {
            return BatchProblems.ClientInAnotherBatch(conflict.ClientName, conflict.BatchName);
        }

        var batch = new MigrationBatch
        {
            Name = name!,
            ScheduledAt = scheduledAt,
            TimeZone = timeZone!,
            WindowOpensAt = windowOpensAt,
            CreatedAt = s.Now,
            CreatedBy = staff.Name,
            Clients = [.. check.Clients.Select(c => new MigrationBatchClient { ClientId = c.Id })],
        };
        s.Db.MigrationBatches.Add(batch);
        s.Record(staff, AuditActions.BatchCreated, batch, after: new { batch.Name, ScheduledAt = scheduledAt, batch.TimeZone, WindowOpensAt = windowOpensAt, Clients = check.Clients.Select(c => c.Name) });
        await s.Db.SaveChangesAsync(cancellationToken);
        await s.Webhooks.RaiseAsync(batch.Id, WebhookEventTypes.BatchScheduled, cancellationToken: cancellationToken);
        await s.Db.SaveChangesAsync(cancellationToken);
        await s.Notices.QueueUpcomingIfDueAsync(batch, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/admin/migration/batches/{batch.Id}", new CreatedBatch(batch.Id));
    }
}

/// <param name="ScheduledAt">ISO 8601 with an offset or "Z"; stored in UTC.</param>
/// <param name="TimeZone">The IANA zone the date is shown in, e.g. "Europe/Amsterdam".</param>
/// <param name="WindowOpensAt">Optional, before <paramref name="ScheduledAt"/>: from then on a user who logs in on the portal's form moves to SSO at once (mixed mode).</param>
public sealed record CreateBatchRequest(string? Name, DateTimeOffset? ScheduledAt, string? TimeZone, Guid[]? ClientIds, DateTimeOffset? WindowOpensAt = null);

public sealed record CreatedBatch(Guid Id);
