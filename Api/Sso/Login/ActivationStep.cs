using Api.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Sso.Login;

/// <summary>The activation dialog's "send again", at most three e-mails per login transaction.</summary>
public static class ActivationStep
{
    public static async Task<Results<Accepted, ProblemHttpResult>> ResendActivation(HttpContext http, LoginServices s)
    {
        var transaction = await s.Transactions.FindAsync(http.Request.Cookies[LoginTransactionStore.CookieName]);
        if (transaction is not { Step: LoginStep.Activate, AccountId: not null })
        {
            return LoginResults.Problem(LoginProblems.Expired);
        }

        var account = await s.Users.FindByIdAsync(transaction.AccountId);
        if (!LoginOutcome.IsCurrent(transaction, account))
        {
            return LoginResults.Problem(LoginProblems.Expired);
        }

        if (transaction.ActivationMailsSent >= 3)
        {
            return Problems.Status(
                StatusCodes.Status429TooManyRequests,
                "Too many e-mails",
                "Three activation e-mails have been sent already. Check your spam folder, or wait a few minutes and sign in again.");
        }

        if (account is { EmailConfirmed: false })
        {
            s.Emails.QueueActivation(account);
            await s.Db.SaveChangesAsync();
        }

        await s.Transactions.SaveAsync(transaction with { ActivationMailsSent = transaction.ActivationMailsSent + 1 });
        return TypedResults.Accepted((string?)null);
    }
}
