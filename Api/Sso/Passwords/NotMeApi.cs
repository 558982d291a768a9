using Api.Shared;
using Api.Sso.Accounts;
using Api.Sso.Login;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Api.Sso.Passwords;

/// <summary>The "This was not me" link of the authenticator notices (enrolled, reset).</summary>
public static class NotMeApi
{
    public static IEndpointRouteBuilder MapNotMeApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/sso/authenticator/not-me", RemoveAuthenticator)
            .WithTags("SSO account e-mails")
            .WithName("ReportAuthenticatorNotMe")
            .WithSummary("From an authenticator notice's link: removes the authenticator, ends every session, mails a password reset. Works once.")
            .WithMetadata(new RequestSizeLimitAttribute(InputRules.MaxBodyBytes))
            .AllowAnonymous()
            .NoStore();
        return app;
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RemoveAuthenticator(
        TokenRequest body, AccountAdministration accounts, CancellationToken cancellationToken) =>
        await accounts.RemoveAuthenticatorFromNoticeAsync(body.Token, cancellationToken)
            ? TypedResults.NoContent()
            : Problems.BadRequest(
                "Link not valid",
                "This link has expired or has already been used. If you still think someone else is using your account, use Forgot Password on the sign-in screen and tell your IT provider.");
}
