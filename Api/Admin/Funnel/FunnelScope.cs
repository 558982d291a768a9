using Api.Admin.Batches;
using Api.Admin.ManageUsers;
using Api.Admin.Staff;
using Api.Data;
using Api.Shared;
using Api.SsoMigration.Batches;
using Api.SsoMigration.Funnel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.Funnel;

/// <summary>
/// Whose funnel: one batch's (<c>batchId</c>), one client's (<c>clientId</c>), both, or neither
/// (everyone the caller sees). Taken as text and read by <see cref="FunnelScope.ReadAsync"/>, so a
/// malformed id gets a sentence naming the field.
/// </summary>
public sealed class FunnelScopeParameters
{
    [FromQuery(Name = "batchId")]
    public string? BatchId { get; init; }

    [FromQuery(Name = "clientId")]
    public string? ClientId { get; init; }
}

/// <summary>
/// A checked scope: the moved people in it (the caller's clients' users only), its batch if one was
/// named, the batches it covers, and its tallies — what the funnel and its chart count (a few rows
/// per client and batch), while the people are listed a page at a time.
/// </summary>
public sealed record FunnelScope(
    IQueryable<MovedPerson> Moved, MigrationBatch? Batch, IQueryable<MigrationBatch> Batches, IQueryable<FunnelTally> Tallies, IQueryable<FunnelDayTally> Days)
{
    /// <summary>
    /// Reads and checks the scope. A batch none of whose clients is the caller's, or another
    /// partner's client, answers 404 as if it did not exist; operators see every batch and client.
    /// </summary>
    public static async Task<FunnelScopeRead> ReadAsync(FunnelScopeParameters query, StaffMember staff, AppDbContext db, CancellationToken cancellationToken)
    {
        if (!TryId(query.BatchId, out var batchId))
        {
            return new FunnelScopeRead(null, Problems.Invalid("batchId", "Choose a batch from the list."), null);
        }

        if (!TryId(query.ClientId, out var clientId))
        {
            return new FunnelScopeRead(null, Problems.Invalid("clientId", "Choose a client from the list."), null);
        }

        var clients = staff.Scope(db.Clients.AsNoTracking());
        if (clientId is { } client && !await clients.AnyAsync(c => c.Id == client, cancellationToken))
        {
            return new FunnelScopeRead(null, null, EndUserFilter.ClientNotFound());
        }

        var visibleIds = clients.Select(c => c.Id);
        var batches = db.MigrationBatches.AsNoTracking().Where(b => b.Clients.Any(c => visibleIds.Contains(c.ClientId)));
        MigrationBatch? batch = null;
        if (batchId is { } id && (batch = await batches.FirstOrDefaultAsync(b => b.Id == id, cancellationToken)) is null)
        {
            return new FunnelScopeRead(null, null, BatchProblems.NotFound());
        }

        var users = staff.Scope(db.EndUsers.AsNoTracking()).Where(u => clientId == null || u.ClientId == clientId);
        var moved = MovedPeople.Of(db, users).Where(p => batchId == null || p.BatchId == batchId);
        if (batchId is { } only)
        {
            batches = batches.Where(b => b.Id == only);
        }

        if (clientId is { } one)
        {
            batches = batches.Where(b => b.Clients.Any(c => c.ClientId == one));
        }

        var tallies = db.FunnelTallies.AsNoTracking()
            .Where(t => visibleIds.Contains(t.ClientId) && (batchId == null || t.BatchId == batchId) && (clientId == null || t.ClientId == clientId));
        var days = db.FunnelDayTallies.AsNoTracking()
            .Where(t => visibleIds.Contains(t.ClientId) && (batchId == null || t.BatchId == batchId) && (clientId == null || t.ClientId == clientId));
        return new FunnelScopeRead(new FunnelScope(moved, batch, batches, tallies, days), null, null);
    }

    /// <summary>The report of this scope: three small queries (the tallies by furthest step, the last day anyone moved, whether a batch runs).</summary>
    public async Task<FunnelReport> ReportAsync(CancellationToken cancellationToken)
    {
        var stopped = await Tallies.GroupBy(t => t.Furthest)
            .Select(g => new { Step = g.Key, Count = g.Sum(t => t.Count) })
            .ToListAsync(cancellationToken);
        var lastDay = await Days.Where(d => d.Step == FunnelStep.Moved && d.Count > 0).MaxAsync(d => (DateOnly?)d.Day, cancellationToken);
        var running = await Batches.AnyAsync(b => b.Status == MigrationBatchStatus.Running, cancellationToken);
        return FunnelReport.From(stopped.ToDictionary(s => s.Step, s => s.Count), running, FunnelReport.DayStart(lastDay));
    }

    private static bool TryId(string? text, out Guid? id)
    {
        id = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (!Guid.TryParse(text, out var parsed))
        {
            return false;
        }

        id = parsed;
        return true;
    }
}

/// <summary>A scope, or the answer refusing it (400 for a malformed id, 404 for one the caller may not see).</summary>
public sealed record FunnelScopeRead(FunnelScope? Scope, ValidationProblem? Invalid, ProblemHttpResult? NotFound);
