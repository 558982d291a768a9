using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Sso.Login;

/// <summary>Step 3, the MFA code (or a recovery code); only a right code creates a session.</summary>
public static class SubmitMfaCode
{
    public static async Task<Results<Ok<LoginStepResponse>, ProblemHttpResult, ValidationProblem>> HandleAsync(
        CodeRequest body, HttpContext http, LoginServices s)
    {
        var transaction = await s.Transactions.FindAsync(http.Request.Cookies[LoginTransactionStore.CookieName]);
        if (transaction is not { Step: LoginStep.Mfa, AccountId: not null })
        {
            return LoginResults.Problem(LoginProblems.Expired);
        }

        if (body.Code is { Length: > 20 } || body.RecoveryCode is { Length: > 40 })
        {
            return LoginResults.Invalid("code", "Enter the 6-digit code from your authenticator app.");
        }

        var account = await s.Users.FindByIdAsync(transaction.AccountId);
        if (!LoginOutcome.IsCurrent(transaction, account))
        {
            return LoginResults.Problem(LoginProblems.Expired);
        }

        var reservation = await s.Throttle.ReserveAsync(http, transaction.Email);
        if (reservation is null)
        {
            return LoginResults.Problem(LoginProblems.WrongCode);
        }

        var accepted = account is { ProtectedTotpSecret: not null }
            && (body.RecoveryCode is { Length: > 0 }
                ? await s.RecoveryCodes.UseAsync(s.Db, account.Id, body.RecoveryCode, s.Clock)
                : await s.Totp.VerifyAsync(account.Id, s.TotpProtector.Unprotect(account.ProtectedTotpSecret), body.Code));
        if (!accepted)
        {
            await s.NoticeLockoutAsync(reservation, account!);
            return LoginResults.Problem(LoginProblems.WrongCode);
        }

        await s.Throttle.GiveBackAsync(reservation);
        var done = await LoginOutcome.CompleteAsync(transaction, account!, http, s);
        return done is null ? LoginResults.Problem(LoginProblems.Expired) : TypedResults.Ok(done);
    }
}
