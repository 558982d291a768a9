using Microsoft.AspNetCore.DataProtection;
using Api.Sso.Accounts;
using Api.Sso.Sessions;
using Microsoft.EntityFrameworkCore;

namespace Api.Sso.Login;

/// <summary>Where a right password leads (exactly one next step), and the end of a login: the session.</summary>
public static class LoginOutcome
{
    /// <summary>Moves a transaction whose password was right to exactly one next step.</summary>
    public static async Task<LoginStepResponse> AdvanceAsync(LoginTransaction transaction, SsoAccount account, LoginServices s)
    {
        if (!account.EmailConfirmed)
        {
            s.Emails.QueueActivation(account);
            await s.Db.SaveChangesAsync();
            await s.Transactions.SaveAsync(transaction with { Step = LoginStep.Activate, ActivationMailsSent = 1 });
            return new LoginStepResponse("activate", Email: transaction.Email);
        }

        if (!account.HasAuthenticator)
        {
            var pending = s.TotpProtector.Protect(TotpVerifier.NewSecret());
            await s.Transactions.SaveAsync(transaction with { Step = LoginStep.Enroll, PendingTotpSecret = pending });
            return new LoginStepResponse("enroll", Email: transaction.Email);
        }

        await s.Transactions.SaveAsync(transaction with { Step = LoginStep.Mfa });
        return new LoginStepResponse("mfa", Email: transaction.Email);
    }

    /// <summary>Both factors passed: only now does an SSO session exist.</summary>
    public static async Task<LoginStepResponse> CompleteAsync(LoginTransaction transaction, SsoAccount account, HttpContext http, LoginServices s)
    {
        var now = s.Clock.GetUtcNow().UtcDateTime;
        account.LastLoginAt = now;
        await s.Db.EndUsers.Where(u => u.SsoAccountId == account.Id).ExecuteUpdateAsync(set => set.SetProperty(u => u.LastLoginAt, now));
        await s.Db.SaveChangesAsync();

        var (_, cookie) = await s.Sessions.CreateAsync(account.Id, ["pwd", "mfa", "otp"], legacy: false);
        SessionCookies.SetSession(http.Response, cookie);
        s.Devices.Remember(http, transaction.Email);
        await s.Transactions.EndAsync(transaction.Id);
        http.Response.Cookies.Delete(LoginTransactionStore.CookieName, LoginResults.TransactionCookieOptions());
        await s.Throttle.ResetAccountAsync(transaction.Email);
        return new LoginStepResponse("done", RedirectUrl: transaction.ReturnUrl);
    }
}
