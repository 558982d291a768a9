using Api.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Sso.Login;

/// <summary>The answers and cookie settings every sign-in step shares.</summary>
public static class LoginResults
{
    public static CookieOptions TransactionCookieOptions() => new()
    {
        HttpOnly = true,
        Secure = true,
        SameSite = SameSiteMode.Strict,
        Path = "/",
        MaxAge = LoginTransactionStore.Lifetime,
    };

    public static ProblemHttpResult Problem(string sentence) => Problems.BadRequest(LoginProblems.Title, sentence);

    public static ProblemHttpResult Refused(string kind, string sentence) => Problems.Forbidden(kind, "Sign-in not possible here", sentence);

    public static ValidationProblem Invalid(string field, string sentence) => Problems.Invalid(field, sentence);
}
