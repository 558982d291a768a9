using System.Diagnostics.CodeAnalysis;
using Api.Sso.Accounts;
using Api.Sso.Passkeys;
using Api.Sso.Sessions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Api.Sso.Login;

/// <summary>Where a right password leads (exactly one next step), and the end of a login: the session.</summary>
public static class LoginOutcome
{
    /// <summary>Moves a transaction whose password was right to exactly one next step.</summary>
    public static async Task<LoginStepResponse> AdvanceAsync(LoginTransaction transaction, SsoAccount account, LoginServices s)
    {
        // Read from the database after the password check, which may itself have changed the stamp
        // (a legacy hash upgraded, perhaps by a parallel sign-in whose write won).
        var stamp = await s.Db.Users.AsNoTracking().Where(a => a.Id == account.Id).Select(a => a.SecurityStamp).FirstOrDefaultAsync();
        transaction = transaction with { SecurityStamp = stamp };
        if (!account.EmailConfirmed)
        {
            s.Emails.QueueActivation(account);
            await s.Db.SaveChangesAsync();
            await s.Transactions.SaveAsync(transaction with { Step = LoginStep.Activate });
            return new LoginStepResponse("activate", Email: transaction.Email);
        }

        if (!account.HasAuthenticator && !await AccountPasskeys.AnyAsync(s.Db, account.Id))
        {
            var pending = s.TotpProtector.Protect(TotpVerifier.NewSecret());
            await s.Transactions.SaveAsync(transaction with { Step = LoginStep.Enroll, PendingTotpSecret = pending });
            return new LoginStepResponse("enroll", Email: transaction.Email);
        }

        await s.Transactions.SaveAsync(transaction with { Step = LoginStep.Mfa });
        return new LoginStepResponse("mfa", Email: transaction.Email);
    }

    /// <summary>
    /// True while the account is as it was when this sign-in's password was checked: not reset,
    /// no authenticator enrolled or removed, not disabled since (each of those changes the stamp).
    /// </summary>
    public static bool IsCurrent(LoginTransaction transaction, [NotNullWhen(true)] SsoAccount? account) =>
        account is { IsDisabled: false } && transaction.SecurityStamp is not null && account.SecurityStamp == transaction.SecurityStamp;

    /// <summary>
    /// Both factors passed: ends the transaction and only now creates an SSO session. Null when
    /// another request already completed this sign-in, or the account changed meanwhile.
    /// </summary>
    public static async Task<LoginStepResponse?> CompleteAsync(
        LoginTransaction transaction, SsoAccount account, HttpContext http, LoginServices s, string[]? amr = null) =>
        await s.Transactions.ConsumeAsync(transaction.Id) ? await StartSessionAsync(transaction, account, http, s, amr) : null;

    /// <summary>
    /// Creates the session of a transaction the caller has already consumed. The stamp is read
    /// again after the session exists: a reset or disable that committed before this read is
    /// seen here (the session is dropped), one that commits after it revokes this session with
    /// all the others, since those revoke only after their commit. The methods default to
    /// password + TOTP; a passkey names its own (docs/SECURITY.md, "amr").
    /// </summary>
    public static async Task<LoginStepResponse?> StartSessionAsync(
        LoginTransaction transaction, SsoAccount account, HttpContext http, LoginServices s, string[]? amr = null)
    {
        if (transaction.SecurityStamp is null)
        {
            return null;
        }

        var (session, cookie) = await s.Sessions.CreateAsync(account.Id, amr ?? ["pwd", "mfa", "otp"], legacy: false);
        var now = s.Clock.GetUtcNow().UtcDateTime;
        var still = await s.Db.Users
            .Where(a => a.Id == account.Id && a.SecurityStamp == transaction.SecurityStamp)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.LastLoginAt, now));
        if (still == 0)
        {
            await s.Sessions.RevokeAsync(session.Subject, session.Id, cookie);
            return null;
        }

        SessionCookies.SetSession(http.Response, cookie);
        s.Devices.Remember(http, transaction.Email);
        http.Response.Cookies.Delete(LoginTransactionStore.CookieName, LoginResults.TransactionCookieOptions());
        await s.Throttle.ResetAccountAsync(transaction.Email);
        return new LoginStepResponse("done", RedirectUrl: transaction.ReturnUrl);
    }
}
