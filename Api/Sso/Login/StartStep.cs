using Api.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Api.Sso.Login;

/// <summary>Step 1, the e-mail: opens a login transaction and always asks for the password next.</summary>
public static class StartStep
{
    public static async Task<Results<Ok<LoginStepResponse>, ValidationProblem>> Start(StartLoginRequest body, HttpContext http, [FromServices] LoginTransactionStore transactions)
    {
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
