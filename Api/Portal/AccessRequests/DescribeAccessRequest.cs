using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Portal.AccessRequests;

/// <summary>What an access request's link asks (which IT provider, which client, which address), without answering it.</summary>
public static class DescribeAccessRequest
{
    public static async Task<Results<Ok<AccessRequestView>, ProblemHttpResult>> HandleAsync(
        AccessRequestLink body, OwnerConsent requests, CancellationToken cancellationToken) =>
        await requests.DescribeAsync(body.Token, cancellationToken) is { } view ? TypedResults.Ok(view) : AccessRequestProblems.NotValid();
}
