using System.Globalization;
using Api.Shared;
using Api.Shared.Limits;
using Api.Sso.Accounts;
using Api.Sso.Passkeys;
using Api.Sso.Throttling;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Api.Sso.Login;

/// <summary>
/// Step 1, the e-mail: opens a login transaction and always asks for the password next. It offers
/// "Use your passkey" first only to a browser that has already signed in to this account (its
/// device cookie says so) when the account has a passkey: anyone else learns nothing of the e-mail.
/// </summary>
public static class StartLogin
{
    public const string TooManyStarts = "Too many sign-ins were started from your network. Wait a minute and try again.";

    public static async Task<Results<Ok<LoginStepResponse>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        StartLoginRequest body,
        HttpContext http,
        [FromServices] LoginTransactionStore transactions,
        [FromServices] RedisBudget budget,
        [FromServices] IOptions<RequestLimitOptions> limits,
        [FromServices] TrustedDevices devices,
        [FromServices] UserManager<SsoAccount> users,
        [FromServices] SsoDbContext db)
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
        var offerPasskey = devices.DeviceIdFor(http.Request, email) is not null
            && await users.FindByEmailAsync(email) is { } account
            && await AccountPasskeys.AnyAsync(db, account.Id);
        return TypedResults.Ok(new LoginStepResponse("password", Email: email) { PasskeyOffered = offerPasskey });
    }
}
