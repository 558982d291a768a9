using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Sso.Login;

/// <summary>
/// The step this browser's sign-in is waiting at, for a screen that opens in the middle of one: a
/// product's own form may have opened it (<see cref="ProductSignIn.OpenActivationStepAsync"/>), and
/// the SSO screen then shows that step instead of asking for the e-mail. Reads the transaction of the
/// HttpOnly cookie only, so it tells nothing but what this browser typed itself.
/// </summary>
public static class GetLoginStep
{
    public static async Task<Results<Ok<LoginStepResponse>, ProblemHttpResult>> HandleAsync(HttpContext http, LoginServices s)
    {
        var transaction = await s.Transactions.FindAsync(http.Request.Cookies[LoginTransactionStore.CookieName]);
        if (transaction is null)
        {
            return LoginResults.Problem(LoginProblems.Expired);
        }

        var step = transaction.Step switch
        {
            LoginStep.Activate => "activate",
            LoginStep.Enroll => "enroll",
            LoginStep.Mfa => "mfa",
            _ => "password",
        };
        return TypedResults.Ok(new LoginStepResponse(step, Email: transaction.Email));
    }
}
