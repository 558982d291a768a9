using Api.Admin.Staff;
using Api.Audit;
using Api.Shared;
using Api.Shared.Transactions;
using Api.SsoMigration.Batches;
using Api.SsoMigration.Planning;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.Batches;

/// <summary>
/// Renames a scheduled batch, changes its clients, or when its users may start moving by logging in. Exclusions of users whose client left the
/// batch go with it. A partner newly in the batch hears of it from the notice sender (at once if
/// the date is near). The audit entry holds the changed fields only; no change, no entry.
/// </summary>
public static class EditBatch
{
    public static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> HandleAsync(
        Guid id, EditBatchRequest body, StaffMember staff, [AsParameters] BatchServices s, CancellationToken cancellationToken)
    {
        var (name, nameProblem) = BatchInput.Name(body.Name);
        var (clientIds, clientsProblem) = BatchInput.Clients(body.ClientIds);
        if ((nameProblem ?? clientsProblem) is { } problem)
        {
            return problem;
        }

        await using var transaction = await SharedTransaction.BeginAsync(s.Db, cancellationToken);
        var batch = await s.FindAsync(id, cancellationToken);
        if (batch is null)
        {
            return BatchProblems.NotFound();
        }

        var (windowOpensAt, windowProblem) = BatchInput.Window(body.WindowOpensAt, batch.ScheduledAt);
        if (windowProblem is not null)
        {
            return windowProblem;
        }

        if (!await s.ChangeScheduledAsync(id, set => set.SetProperty(b => b.Name, name!).SetProperty(b => b.WindowOpensAt, windowOpensAt), cancellationToken))
        {
            return BatchProblems.NotScheduled();
        }

        var check = await BatchClients.CheckAsync(s.Db, clientIds!, exceptBatchId: id, cancellationToken);
        if (check.Clients is null)
        {
            return BatchProblems.ClientNotFound();
        }

        if (check.Conflict is { } conflict)
        {
            return BatchProblems.ClientInAnotherBatch(conflict.ClientName, conflict.BatchName);
        }

        var members = s.Db.Set<MigrationBatchClient>();
        var current = await (from member in members.AsNoTracking()
                             where member.BatchId == id
                             join client in s.Db.Clients on member.ClientId equals client.Id
                             orderby client.Name
                             select new BatchClientName(client.Id, client.Name))
            .ToListAsync(cancellationToken);
        var before = new Dictionary<string, object>();
        var after = new Dictionary<string, object>();
        if (batch.Name != name)
        {
            (before["name"], after["name"]) = (batch.Name, name!);
        }

        if (batch.WindowOpensAt != windowOpensAt)
        {
            (before["windowOpensAt"], after["windowOpensAt"]) = (WindowText(batch.WindowOpensAt), WindowText(windowOpensAt));
        }

        if (!current.Select(c => c.Id).ToHashSet().SetEquals(clientIds!))
        {
            (before["clients"], after["clients"]) = (current.Select(c => c.Name), check.Clients.Select(c => c.Name));
            await members.Where(m => m.BatchId == id && !clientIds!.Contains(m.ClientId)).ExecuteDeleteAsync(cancellationToken);
            members.AddRange(clientIds!.Except(current.Select(c => c.Id)).Select(clientId => new MigrationBatchClient { BatchId = id, ClientId = clientId }));
            await s.Db.MigrationResults
                .Where(r => r.BatchId == id && !s.Db.EndUsers.Any(u => u.Id == r.EndUserId && clientIds!.Contains(u.ClientId)))
                .ExecuteDeleteAsync(cancellationToken);
        }

        if (after.Count == 0)
        {
            return TypedResults.NoContent();
        }

        batch.Name = name!;
        batch.WindowOpensAt = windowOpensAt;
        s.Record(staff, AuditActions.BatchEdited, batch, before, after);
        await s.Db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static string WindowText(DateTime? opensAt) => opensAt is null ? "none" : IsoTime.Of(opensAt);
}

/// <param name="WindowOpensAt">Before the batch's date, or null for none: from then on a user who logs in on the portal's form moves to SSO at once (mixed mode).</param>
public sealed record EditBatchRequest(string? Name, Guid[]? ClientIds, DateTimeOffset? WindowOpensAt = null);
