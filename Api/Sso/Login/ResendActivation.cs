using Api.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Sso.Login;

/// <summary>The activation dialog's "send again", at most three e-mails per login transaction.</summary>
public static class ResendActivation
{
    /// <summary>Resends per login transaction; with the e-mail the password step sent, three in all.</summary>
    public const int MaxResends = 2;

    public static async Task<Results<Accepted, ProblemHttpResult>> HandleAsync(HttpContext http, LoginServices s)
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

        // Taken before the mail is queued, atomically: fifty parallel clicks send at most two more.
        var resend = await s.Budget.TryTakeAsync($"sso:activation-resends:{transaction.Id}", MaxResends, LoginTransactionStore.Lifetime);
        if (!resend.Taken)
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

        return TypedResults.Accepted((string?)null);
    }
}
