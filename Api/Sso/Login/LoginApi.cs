using Api.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Api.Sso.Login;

/// <summary>
/// The SSO sign-in screen's steps: e-mail → password → (activation | enrolment | MFA code) →
/// session, or e-mail (or none) → passkey → session. Every step reads the login transaction from Redis and accepts only its own step.
/// </summary>
public static class LoginApi
{
    public static IEndpointRouteBuilder MapSsoLoginApi(this IEndpointRouteBuilder app)
    {
        var login = app.MapGroup("/api/sso/login")
            .WithTags("SSO sign-in")
            .WithMetadata(new RequestSizeLimitAttribute(InputRules.MaxBodyBytes))
            .AllowAnonymous()
            .NoStore();

        login.MapGet("/step", GetLoginStep.HandleAsync).WithName("GetLoginStep").WithSummary("The step this browser's sign-in is waiting at (a product's form may have opened it).");
        login.MapPost("/start", StartLogin.HandleAsync).WithName("StartLogin").WithSummary("Step 1: the e-mail. Always answers 'password' (offering a passkey first only to a browser that signed in to this account before).");
        login.MapPost("/password", SubmitPassword.HandleAsync).WithName("SubmitPassword").WithSummary("Step 2: the password; names the next step.");
        login.MapPost("/activation/resend", ResendActivation.HandleAsync).WithName("ResendActivation").WithSummary("Sends the activation e-mail again.");
        login.MapGet("/enrollment", GetEnrollment.HandleAsync).WithName("GetEnrollment").WithSummary("The authenticator to enrol: QR code and manual key.");
        login.MapPost("/enrollment", ConfirmEnrollment.HandleAsync).WithName("ConfirmEnrollment").WithSummary("Confirms enrolment with one code; returns recovery codes once.");
        login.MapPost("/enrollment/passkey/options", GetPasskeyEnrollmentOptions.HandleAsync).WithName("GetPasskeyEnrollmentOptions").WithSummary("Enrolment with a passkey: WebAuthn creation options for this account (one challenge, 5 minutes).");
        login.MapPost("/enrollment/passkey", ConfirmPasskeyEnrollment.HandleAsync).WithName("ConfirmPasskeyEnrollment").WithSummary("Registers the new passkey in place of an authenticator app; completes the sign-in and returns recovery codes once.");
        login.MapPost("/passkey/options", GetPasskeySignInOptions.HandleAsync).WithName("GetPasskeySignInOptions").WithSummary("WebAuthn request options for a passkey sign-in, after the e-mail or without one (autofill); the same for every e-mail.");
        login.MapPost("/passkey", SubmitPasskey.HandleAsync).WithName("SubmitPasskey").WithSummary("The passkey's assertion: replaces the password and the MFA code; completes the sign-in.");
        login.MapPost("/mfa", SubmitMfaCode.HandleAsync).WithName("SubmitMfaCode").WithSummary("Step 3: the MFA code (or a recovery code).");
        return app;
    }
}
