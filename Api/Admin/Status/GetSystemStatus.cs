using Api.Status;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Admin.Status;

/// <summary>The platform's live facts as <see cref="SystemFacts"/> reads them from the database and the cache.</summary>
public static class GetSystemStatus
{
    public static async Task<Ok<SystemStatus>> HandleAsync([AsParameters] SystemFacts facts, CancellationToken cancellationToken) =>
        TypedResults.Ok(await facts.ReadAsync(cancellationToken));
}
