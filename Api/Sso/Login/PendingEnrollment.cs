using Api.Shared;
using Api.Sso.Passkeys;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Sso.Login;

/// <summary>
/// A sign-in at the enrolment step (first sign-in without an authenticator), as both of its
/// endpoints find it: <see cref="GetEnrollment"/> shows the secret, <see cref="ConfirmEnrollment"/> confirms one code.
/// </summary>
public static class PendingEnrollment
{
    /// <summary>This browser's sign-in at the enrolment step, or the answer that says why it cannot go on.</summary>
    public static async Task<(LoginTransaction? Transaction, ProblemHttpResult? Refusal)> FindAsync(HttpContext http, LoginServices s)
    {
        var transaction = await s.Transactions.FindAsync(http.Request.Cookies[LoginTransactionStore.CookieName]);
        if (transaction is not { Step: LoginStep.Enroll, AccountId: not null, PendingTotpSecret: not null })
        {
            return (null, LoginResults.Problem(LoginProblems.Expired));
        }

        return await RefuseAsync(transaction, s) is { } refusal ? (null, refusal) : (transaction, null);
    }

    /// <summary>
    /// Why this enrolment cannot go on, or null: an authenticator exists already (a clear 409,
    /// so the user signs in again and uses it), or the account changed since the password step.
    /// </summary>
    public static async Task<ProblemHttpResult?> RefuseAsync(LoginTransaction transaction, LoginServices s, bool reload = false)
    {
        var account = await s.Users.FindByIdAsync(transaction.AccountId!);
        if (reload && account is not null)
        {
            await s.Db.Entry(account).ReloadAsync();
        }

        if (account is not null && (account.HasAuthenticator || await AccountPasskeys.AnyAsync(s.Db, account.Id)))
        {
            return Problems.Status(StatusCodes.Status409Conflict, "Authenticator already set up", LoginProblems.AlreadyEnrolled);
        }

        return LoginOutcome.IsCurrent(transaction, account) ? null : LoginResults.Problem(LoginProblems.Expired);
    }
}
