using System.Globalization;
using System.Text.Json;
using Api.Shared;
using Api.Sso.Passkeys;
using Api.Sso.Throttling;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Api.Sso.Login;

/// <summary>
/// "Use your passkey" (after the e-mail) or passkey autofill (before it): WebAuthn request options.
/// They never list the account's credentials (the browser offers its discoverable passkeys for
/// this site), so they read the same for every e-mail, known or not, with a passkey or without.
/// </summary>
public static class GetPasskeySignInOptions
{
    public const string InvalidReturnUrl = "The page to return to is not valid. Open the sign-in from the product again.";

    public static async Task<Results<Ok<PasskeyOptionsResponse>, ProblemHttpResult, ValidationProblem>> HandleAsync(
        PasskeySignInOptionsRequest body, HttpContext http, LoginServices s, PasskeyServices passkeys, IOptions<RequestLimitOptions> limits)
    {
        // Where the sign-in returns to, as the product's authorize request named it: a local page only.
        if (body.ReturnUrl is null || InputRules.SafeReturnUrl(body.ReturnUrl) != body.ReturnUrl)
        {
            return Problems.Invalid("returnUrl", InvalidReturnUrl);
        }

        var transaction = await s.Transactions.FindAsync(http.Request.Cookies[LoginTransactionStore.CookieName]);
        if (transaction is not { Step: LoginStep.Password })
        {
            // No e-mail typed yet (autofill): a sign-in of its own, under the same budget as step 1.
            var options = limits.Value;
            if (!(await s.Budget.TryTakeAsync($"sso:start:ip:{CallerNetwork.LimitKeyOf(http)}", options.LoginStartsPerIp, options.LoginStartWindow)).Taken)
            {
                http.Response.Headers.RetryAfter = Math.Ceiling(options.LoginStartWindow.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                return Problems.Status(StatusCodes.Status429TooManyRequests, "Too many sign-ins", StartLogin.TooManyStarts);
            }

            transaction = await s.Transactions.StartAsync("", body.ReturnUrl);
            http.Response.Cookies.Append(LoginTransactionStore.CookieName, transaction.Id, LoginResults.TransactionCookieOptions());
        }

        var request = await passkeys.Handler.MakeRequestOptionsAsync(null, http);
        await passkeys.Ceremonies.SaveAsync(PasskeyCeremony.Assert, transaction.Id, request.AssertionState!);
        return TypedResults.Ok(new PasskeyOptionsResponse(JsonDocument.Parse(request.RequestOptionsJson).RootElement.Clone()));
    }
}
