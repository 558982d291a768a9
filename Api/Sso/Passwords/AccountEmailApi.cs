using Api.Links;
using Api.Infrastructure;
using Api.Sso.Accounts;
using Api.Sso.Login;
using Api.Sso.Sessions;
using Api.Sso.Throttling;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
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
        sso.MapPost("/activate", Activate).WithName("ActivateAccount").WithSummary("Activates the e-mail account named by an activation link.");
        sso.MapPost("/password/forgot", ForgotPassword).WithName("ForgotPassword").WithSummary("Sends a reset link if the e-mail is registered; the answer is the same either way.");
        sso.MapPost("/password/reset", ResetPassword).WithName("ResetPassword").WithSummary("Sets a new password from a reset link; ends every session.");
        return app;
    }

    public static async Task<Results<Ok<ActivationResponse>, ProblemHttpResult>> Activate(
        TokenRequest body, OneTimeLinks links, UserManager<SsoAccount> users, AppDbContext db, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var accountId = await links.ConsumeAsync(body.Token, LinkPurpose.Activation, cancellationToken);
        var account = accountId is null ? null : await users.FindByIdAsync(accountId);
        if (account is null)
        {
            return Problems.BadRequest("Link not valid", "This activation link has expired or has already been used. Sign in again to get a new one.");
        }

        account.EmailConfirmed = true;
        await users.UpdateAsync(account);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(new ActivationResponse(account.Email!));
    }

    /// <summary>
    /// Queues the request and answers at once: looking the e-mail up, writing the link and the
    /// mail happen in the background, so neither the answer nor its timing tells whether the
    /// e-mail is registered.
    /// </summary>
    public static async Task<Results<Accepted<ForgotPasswordResponse>, ValidationProblem, ProblemHttpResult>> ForgotPassword(
        ForgotPasswordRequest body,
        HttpContext http,
        PasswordResetRequests requests,
        RedisBudget budget,
        TrustedDevices devices,
        Microsoft.Extensions.Options.IOptions<LoginThrottleOptions> limits)
    {
        var email = InputRules.NormalizeEmail(body.Email);
        if (email is null)
        {
            return Problems.Invalid("email", LoginProblems.InvalidEmail);
        }

        // One address asking for many accounts' links is a scan or a flood, whichever e-mails it names.
        var address = ClientNetwork.LimitKeyOf(http);
        var window = TimeSpan.FromHours(1);
        if (!(await budget.TryTakeAsync($"sso:forgot:ip:{address}", limits.Value.ForgotPasswordIpLimit, window)).Taken)
        {
            http.Response.Headers.RetryAfter = ((int)window.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Problems.Status(
                StatusCodes.Status429TooManyRequests,
                "Too many requests",
                "Too many password reset requests came from your network. Wait an hour, or ask your IT provider for help.");
        }

        await requests.Writer.WriteAsync(new PasswordResetRequest(email, devices.DeviceIdFor(http.Request, email)));
        return TypedResults.Accepted((string?)null, new ForgotPasswordResponse(
            "If an account exists for that e-mail, a link to reset the password is on its way. It expires in 30 minutes."));
    }

    public static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> ResetPassword(
        ResetPasswordRequest body,
        OneTimeLinks links,
        UserManager<SsoAccount> users,
        AppDbContext db,
        SsoSessionStore sessions,
        LoginThrottle throttle,
        AccountEmails emails,
        CancellationToken cancellationToken)
    {
        if (body.NewPassword is not { Length: >= InputRules.MinPasswordLength and <= InputRules.MaxPasswordLength })
        {
            var sentence = $"Choose a password of {InputRules.MinPasswordLength} to {InputRules.MaxPasswordLength} characters.";
            return Problems.Invalid("newPassword", sentence);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var accountId = await links.ConsumeAsync(body.Token, LinkPurpose.PasswordReset, cancellationToken);
        var account = accountId is null ? null : await users.FindByIdAsync(accountId);
        if (account is null)
        {
            return Problems.BadRequest("Link not valid", "This password reset link has expired or has already been used. Use Forgot Password to get a new one.");
        }

        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, account, body.NewPassword);
            if (!check.Succeeded)
            {
                // Rolled back: the link stays usable for a better password.
                var sentence = string.Join(" ", check.Errors.Select(e => e.Description));
                return Problems.Invalid("newPassword", sentence);
            }
        }

        account.PasswordHash = users.PasswordHasher.HashPassword(account, body.NewPassword);
        // The link arrived by e-mail, so it also proves the address.
        account.EmailConfirmed = true;
        await users.UpdateSecurityStampAsync(account);
        emails.QueuePasswordChanged(account);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        await sessions.RevokeAllAsync(account.Id);
        await throttle.ResetAccountAsync(account.Email!);
        return TypedResults.NoContent();
    }
}

public sealed record TokenRequest(string? Token);

public sealed record ActivationResponse(string Email);

public sealed record ForgotPasswordRequest(string? Email);

public sealed record ForgotPasswordResponse(string Message);

public sealed record ResetPasswordRequest(string? Token, string? NewPassword);
