using Api.Audit;
using Api.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Portal.AccessRequests;

/// <summary>
/// The signed-in owner of the SSO account (through SSO with the authenticator, as the account the
/// request is for) accepts the portal access an IT provider offers; the link is used once.
/// </summary>
public static class AcceptAccessRequest
{
    public static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(
        AccessRequestLink body, HttpContext http, OwnerConsent requests, CancellationToken cancellationToken)
    {
        var accountId = http.User.GetUserId()!;
        var owner = new AuditActor(accountId, http.User.FindFirst("name")?.Value ?? http.User.FindFirst("email")?.Value ?? "The account's owner",
            http.Connection.RemoteIpAddress?.ToString());
        return await requests.AcceptAsync(body.Token, accountId, owner, cancellationToken) switch
        {
            AccessAnswer.Accepted => TypedResults.NoContent(),
            AccessAnswer.WrongAccount => Problems.Forbidden(
                "access-request-other-account",
                "Signed in as someone else",
                "This request is for another single sign-on account. Log out, then open the link again and sign in with the address it was sent to."),
            AccessAnswer.AlreadyLinkedElsewhere => Problems.Status(
                StatusCodes.Status409Conflict,
                "Already in the portal",
                "Your account already has access to the End User Portal through another client. Ask your IT provider to remove that access first."),
            _ => AccessRequestProblems.NotValid(),
        };
    }
}
