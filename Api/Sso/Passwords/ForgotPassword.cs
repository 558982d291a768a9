using Api.Shared;
using Api.Shared.Limits;
using Api.Sso.Login;
using Api.Sso.Throttling;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Sso.Passwords;

/// <summary>Forgot Password on the SSO screen: a reset link by e-mail, the same answer for every e-mail.</summary>
public static class ForgotPassword
{
    /// <summary>
    /// Queues the request and answers at once: looking the e-mail up, writing the link and the
    /// mail happen in the background, so neither the answer nor its timing tells whether the
    /// e-mail is registered.
    /// </summary>
    public static async Task<Results<Accepted<ForgotPasswordResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
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
        var address = CallerNetwork.LimitKeyOf(http);
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
}

public sealed record ForgotPasswordRequest(string? Email);

public sealed record ForgotPasswordResponse(string Message);
