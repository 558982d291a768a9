using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Portal.AccessRequests;

/// <summary>
/// Declines an access request, or says "this was not me"; the IT provider is told. The link is
/// enough: no sign-in. (Named apart from its body, <see cref="DeclineAccessRequest"/>, whose name
/// the OpenAPI document and the SPA's types carry.)
/// </summary>
public static class DeclineAccess
{
    public static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        DeclineAccessRequest body, HttpContext http, OwnerConsent requests, CancellationToken cancellationToken) =>
        await requests.DeclineAsync(body.Token, body.NotMe ?? false, http.Connection.RemoteIpAddress?.ToString(), cancellationToken) == AccessAnswer.Declined
            ? TypedResults.NoContent()
            : AccessRequestProblems.NotValid();
}

/// <param name="NotMe">True for "This was not me": the IT provider hears that the person does not know them.</param>
public sealed record DeclineAccessRequest(string? Token, bool? NotMe);
