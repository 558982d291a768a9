using Api.SsoMigration.Readiness;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Api.Admin.Batches;

/// <summary>The readiness check (dry run) of a batch: what its run would do, user by user; writes nothing.</summary>
public static class GetReadiness
{
    public static async Task<Results<Ok<ReadinessReport>, ProblemHttpResult>> HandleAsync(
        Guid id, [AsParameters] BatchServices s, ReadinessCheck readiness, CancellationToken cancellationToken) =>
        await s.FindAsync(id, cancellationToken) is null
            ? BatchProblems.NotFound()
            : TypedResults.Ok(await readiness.RunAsync(id, cancellationToken));
}
