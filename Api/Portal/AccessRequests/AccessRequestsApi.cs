using Api.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Api.Portal.AccessRequests;

/// <summary>
/// The page behind an access request's link: what is asked, then Accept (signed in through SSO
/// with the authenticator, as the account the request is for) or Decline / "This was not me"
/// (the link is enough to refuse).
/// </summary>
public static class AccessRequestsApi
{
    public static IEndpointRouteBuilder MapAccessRequestsApi(this IEndpointRouteBuilder app)
    {
        var requests = app.MapGroup("/api/access-requests").WithTags("Portal").NoStore()
            .WithMetadata(new RequestSizeLimitAttribute(InputRules.MaxBodyBytes));
        requests.MapPost("/describe", DescribeAccessRequest.HandleAsync)
            .WithName("DescribeAccessRequest")
            .WithSummary("What an access request link asks (which IT provider, which client, which address), without answering it.")
            .AllowAnonymous();
        requests.MapPost("/accept", AcceptAccessRequest.HandleAsync)
            .WithName("AcceptAccessRequest")
            .WithSummary("The signed-in owner of the SSO account accepts the portal access an IT provider offers; the link is used once.")
            .RequireAuthorization(AuthorizationPolicies.MfaSession);
        requests.MapPost("/decline", DeclineAccess.HandleAsync)
            .WithName("DeclineAccessRequest")
            .WithSummary("Declines an access request (or says \"this was not me\"); the IT provider is told. The link is enough: no sign-in.")
            .AllowAnonymous();
        return app;
    }
}
