using Api.Admin.ManageUsers;
using Api.Shared;
using Api.Shared.Paging;
using Api.SsoMigration.Execution;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.Batches;

/// <summary>A batch's per-user results, one page at a time, optionally of one status (the failed ones to retry, say).</summary>
public static class ListResults
{
    public static async Task<Results<Ok<Page<BatchResultRow>>, ProblemHttpResult, ValidationProblem>> HandleAsync(
        Guid id, string? status, [AsParameters] PageRequest paging, [AsParameters] BatchServices s, CancellationToken cancellationToken)
    {
        var filter = string.IsNullOrEmpty(status) ? null : BatchWireNames.OutcomeNamed(status);
        if (!string.IsNullOrEmpty(status) && filter is null)
        {
            return Problems.Invalid("status", "Choose a status: pending, excluded, migrated, linked, skipped, failed or rolled-back.");
        }

        if (paging.Check(PageSizeLimits.Standard, out var page) is { } invalidPage)
        {
            return invalidPage;
        }

        if (await s.FindAsync(id, cancellationToken) is null)
        {
            return BatchProblems.NotFound();
        }

        var results = s.Db.MigrationResults.AsNoTracking().Where(r => r.BatchId == id && (filter == null || r.Status == filter));
        var total = await results.CountAsync(cancellationToken);
        var rows = await (from result in results
                          join user in s.Db.EndUsers on result.EndUserId equals user.Id
                          orderby user.Client!.Name, user.DisplayName, user.Id
                          select new { result, user.DisplayName, user.Email, ClientName = user.Client!.Name })
            .Slice(page)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(page.Of(
            [.. rows.Select(r => new BatchResultRow(
                r.result.EndUserId,
                r.DisplayName,
                r.Email,
                r.ClientName,
                MigrationWire.Status(r.result.Status),
                r.result.Reason,
                r.result.Attempts,
                r.result.CompletedAt))],
            total));
    }
}

/// <param name="Status">"pending", "excluded", "migrated", "linked", "skipped", "failed" or "rolled-back".</param>
/// <param name="Reason">Why the user was skipped, failed or excluded: a sentence for the operator.</param>
public sealed record BatchResultRow(Guid EndUserId, string Name, string Email, string ClientName, string Status, string? Reason, int Attempts, DateTime? CompletedAt);
