using Api.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Api.Sso.Passwords;

/// <summary>The links the SSO e-mails: activation, and Forgot Password → reset.</summary>
public static class AccountEmailApi
{
    public static IEndpointRouteBuilder MapAccountEmailApi(this IEndpointRouteBuilder app)
    {
        var sso = app.MapGroup("/api/sso")
            .WithTags("SSO account e-mails")
            .WithMetadata(new RequestSizeLimitAttribute(InputRules.MaxBodyBytes))
            .AllowAnonymous()
            .NoStore();
        sso.MapPost("/activate", ActivateAccount.HandleAsync).WithName("ActivateAccount").WithSummary("Activates the e-mail account named by an activation link.");
        sso.MapPost("/password/forgot", ForgotPassword.HandleAsync).WithName("ForgotPassword").WithSummary("Sends a reset link if the e-mail is registered; the answer is the same either way.");
        sso.MapPost("/password/reset", ResetPassword.HandleAsync).WithName("ResetPassword").WithSummary("Sets a new password from a reset link; ends every session.");
        return app;
    }
}
