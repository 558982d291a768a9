using System.Globalization;
using Api.Shared;
using Api.Shared.Limits;
using Api.Sso.Throttling;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Api.Sso.Login;

/// <summary>Step 1, the e-mail: opens a login transaction and always asks for the password next.</summary>
public static class StartLogin
{
    public const string TooManyStarts = "Too many sign-ins were started from your network. Wait a minute and try again.";

    public static async Task<Results<Ok<LoginStepResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        StartLoginRequest body,
        HttpContext http,
        [FromServices] LoginTransactionStore transactions,
        [FromServices] RedisBudget budget,
        [FromServices] IOptions<RequestLimitOptions> limits)
    {
        // Taken before any work, so a flood from one network costs one Redis call per request.
        var options = limits.Value;
        var network = CallerNetwork.LimitKeyOf(http);
        if (!(await budget.TryTakeAsync($"sso:start:ip:{network}", options.LoginStartsPerIp, options.LoginStartWindow)).Taken)
        {
            // The window runs from its first request, so waiting one whole window is always enough.
            http.Response.Headers.RetryAfter = Math.Ceiling(options.LoginStartWindow.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            return Problems.Status(StatusCodes.Status429TooManyRequests, "Too many sign-ins", TooManyStarts);
        }

        var email = InputRules.NormalizeEmail(body.Email);
        if (email is null)
        {
            return Problems.Invalid("email", LoginProblems.InvalidEmail);
        }

        var transaction = await transactions.StartAsync(email, InputRules.SafeReturnUrl(body.ReturnUrl));
        http.Response.Cookies.Append(LoginTransactionStore.CookieName, transaction.Id, LoginResults.TransactionCookieOptions());
        return TypedResults.Ok(new LoginStepResponse("password", Email: email));
    }
}
