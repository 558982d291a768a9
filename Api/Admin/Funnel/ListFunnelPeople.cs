using Api.Admin.Staff;
using Api.Data;
using Api.Shared;
using Api.Shared.Paging;
using Api.SsoMigration.Funnel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.Funnel;

/// <summary>The drill-down: the people at one step of a funnel (their furthest step), one page at a time — the ones to help on.</summary>
public static class ListFunnelPeople
{
    public static async Task<Results<Ok<Page<FunnelPersonRow>>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        [AsParameters] FunnelScopeParameters query,
        string? step,
        [AsParameters] PageRequest paging,
        StaffMember staff,
        AppDbContext db,
        CancellationToken cancellationToken)
    {
        if (paging.Check(PageSizeLimits.Standard, out var page) is { } invalidPage)
        {
            return invalidPage;
        }

        if (!TryStep(step, out var filter))
        {
            return Problems.Invalid("step", $"Choose a step: {FunnelWireNames.StepChoices}.");
        }

        var read = await FunnelScope.ReadAsync(query, staff, db, cancellationToken);
        if (read.Scope is not { } scope)
        {
            return read.Invalid is { } invalid ? invalid : read.NotFound!;
        }

        var people = FunnelPeople.Listed(db, scope, filter);
        // How many are at the step is the funnel's own number (its tallies), not a second pass over them.
        var total = await scope.Tallies.Where(t => filter == null || t.Furthest == filter).SumAsync(t => t.Count, cancellationToken);
        var rows = await people.Slice(page).ToListAsync(cancellationToken);
        return TypedResults.Ok(page.Of([.. rows.Select(r => r.Row)], total));
    }

    /// <summary>No step: everyone moved; otherwise one of the wire names.</summary>
    public static bool TryStep(string? step, out FunnelStep? filter)
    {
        filter = string.IsNullOrEmpty(step) ? null : FunnelWireNames.StepNamed(step);
        return string.IsNullOrEmpty(step) || filter is not null;
    }
}
