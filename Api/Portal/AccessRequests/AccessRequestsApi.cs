using Api.Audit;
using Api.Shared;
using Api.Sso.Login;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Api.Portal.AccessRequests;

/// <summary>
/// The page behind an access request's link: what is asked, then Accept (signed in through SSO
/// with the authenticator, as the account the request is for) or Decline / "This was not me"
/// (the link is enough to refuse).
/// </summary>
public static class AccessRequestsApi
{
    public const string LinkNotValid = "This request has expired, has already been answered or was withdrawn. Nothing changed on your account.";

    public static IEndpointRouteBuilder MapAccessRequestsApi(this IEndpointRouteBuilder app)
    {
        var requests = app.MapGroup("/api/access-requests").WithTags("Portal").NoStore()
            .WithMetadata(new RequestSizeLimitAttribute(InputRules.MaxBodyBytes));
        requests.MapPost("/describe", Describe)
            .WithName("DescribeAccessRequest")
            .WithSummary("What an access request link asks (which IT provider, which client, which address), without answering it.")
            .AllowAnonymous();
        requests.MapPost("/accept", Accept)
            .WithName("AcceptAccessRequest")
            .WithSummary("The signed-in owner of the SSO account accepts the portal access an IT provider offers; the link is used once.")
            .RequireAuthorization(AuthorizationPolicies.MfaSession);
        requests.MapPost("/decline", Decline)
            .WithName("DeclineAccessRequest")
            .WithSummary("Declines an access request (or says \"this was not me\"); the IT provider is told. The link is enough: no sign-in.")
            .AllowAnonymous();
        return app;
    }

    public static async Task<Results<Ok<AccessRequestView>, ProblemHttpResult>> Describe(
        AccessRequestLink body, OwnerConsent requests, CancellationToken cancellationToken) =>
        await requests.DescribeAsync(body.Token, cancellationToken) is { } view ? TypedResults.Ok(view) : NotValid();

    public static async Task<Results<NoContent, ProblemHttpResult>> Accept(
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
            _ => NotValid(),
        };
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Decline(
        DeclineAccessRequest body, HttpContext http, OwnerConsent requests, CancellationToken cancellationToken) =>
        await requests.DeclineAsync(body.Token, body.NotMe ?? false, http.Connection.RemoteIpAddress?.ToString(), cancellationToken) == AccessAnswer.Declined
            ? TypedResults.NoContent()
            : NotValid();

    private static ProblemHttpResult NotValid() => Problems.BadRequest("Link not valid", LinkNotValid);
}

public sealed record AccessRequestLink(string? Token);

/// <param name="NotMe">True for "This was not me": the IT provider hears that the person does not know them.</param>
public sealed record DeclineAccessRequest(string? Token, bool? NotMe);
