using Api.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Api.Sso.Passwords;

/// <summary>The "This was not me" link of the authenticator notices (enrolled, reset).</summary>
public static class NotMeApi
{
    public static IEndpointRouteBuilder MapNotMeApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/sso/authenticator/not-me", RemoveAuthenticator.HandleAsync)
            .WithTags("SSO account e-mails")
            .WithName("ReportAuthenticatorNotMe")
            .WithSummary("From an authenticator notice's link: removes the authenticator, ends every session, mails a password reset. Works once.")
            .WithMetadata(new RequestSizeLimitAttribute(InputRules.MaxBodyBytes))
            .AllowAnonymous()
            .NoStore();
        return app;
    }
}
