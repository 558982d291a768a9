using Api.Admin.Staff;
using Api.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Api.Admin.Funnel;

/// <summary>One funnel: a batch's, a client's (the client's page), or everyone's the caller sees.</summary>
public static class GetFunnel
{
    public static async Task<Results<Ok<FunnelReport>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        [AsParameters] FunnelScopeParameters query, StaffMember staff, AppDbContext db, CancellationToken cancellationToken)
    {
        var read = await FunnelScope.ReadAsync(query, staff, db, cancellationToken);
        if (read.Scope is not { } scope)
        {
            return read.Invalid is { } invalid ? invalid : read.NotFound!;
        }

        return TypedResults.Ok(await scope.ReportAsync(cancellationToken));
    }
}
