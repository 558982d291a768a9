using Api.Sso.Accounts;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Api.Sso.Login;

/// <summary>First sign-in without an authenticator: one right code from the new authenticator adds it and completes the sign-in.</summary>
public static class ConfirmEnrollment
{
    /// <summary>
    /// Adds the authenticator only if the account has none at that moment: one conditional
    /// UPDATE in the transaction that also writes the recovery codes, so of two browsers that
    /// both reached this step, the second is refused and writes nothing.
    /// </summary>
    public static async Task<Results<Ok<LoginStepResponse>, ProblemHttpResult, ValidationProblem>> HandleAsync(
        CodeRequest body, HttpContext http, LoginServices s, AccountMilestones milestones)
    {
        var (transaction, refusal) = await PendingEnrollment.FindAsync(http, s);
        if (transaction is null)
        {
            return refusal!;
        }

        var secret = s.TotpProtector.Unprotect(transaction.PendingTotpSecret!);
        var reservation = await s.Throttle.ReserveAsync(http, transaction.Email);
        if (reservation is null || !await s.Totp.VerifyAsync(transaction.AccountId!, secret, body.Code))
        {
            return LoginResults.Problem(LoginProblems.WrongCode);
        }

        await s.Throttle.GiveBackAsync(reservation);

        // Ended first: this sign-in completes at most once, whatever happens next.
        if (!await s.Transactions.ConsumeAsync(transaction.Id))
        {
            return LoginResults.Problem(LoginProblems.Expired);
        }

        var accountId = transaction.AccountId!;
        var protectedSecret = s.TotpProtector.Protect(secret);
        var (stamp, concurrency) = (AccountAdministration.NewStamp(), AccountAdministration.NewStamp());
        var now = s.Clock.GetUtcNow().UtcDateTime;
        var recoveryCodes = RecoveryCodes.Generate();
        await using (var dbTransaction = await s.Db.Database.BeginTransactionAsync())
        {
            var enrolled = await s.Db.Users
                .Where(a => a.Id == accountId && a.ProtectedTotpSecret == null && a.SecurityStamp == transaction.SecurityStamp)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(a => a.ProtectedTotpSecret, protectedSecret)
                    .SetProperty(a => a.TotpEnrolledAt, now)
                    .SetProperty(a => a.SecurityStamp, stamp)
                    .SetProperty(a => a.ConcurrencyStamp, concurrency));
            if (enrolled == 0)
            {
                // Rolled back on dispose; the reason is read outside the transaction.
                await dbTransaction.RollbackAsync();
                return await PendingEnrollment.RefuseAsync(transaction, s, reload: true) ?? LoginResults.Problem(LoginProblems.Expired);
            }

            await s.Db.Set<RecoveryCode>().Where(c => c.AccountId == accountId).ExecuteDeleteAsync();
            s.Db.AddRange(recoveryCodes.Select(code => new RecoveryCode { AccountId = accountId, CodeHash = s.RecoveryCodes.Hash(code) }));
            var account = await s.Db.Users.AsNoTracking().FirstAsync(a => a.Id == accountId);
            s.Emails.QueueAuthenticatorEnrolled(account, now);
            await s.Db.SaveChangesAsync();
            await milestones.ReachedAsync(new AccountMilestoneReached(accountId, AccountMilestone.AuthenticatorEnrolled));
            await dbTransaction.CommitAsync();
        }

        // Every other sign-in of this account now dies (new stamp); this one carries it on.
        var enrolledAccount = (await s.Users.FindByIdAsync(accountId))!;
        var done = await LoginOutcome.StartSessionAsync(transaction with { SecurityStamp = stamp }, enrolledAccount, http, s);
        return done is null ? LoginResults.Problem(LoginProblems.Expired) : TypedResults.Ok(done with { RecoveryCodes = recoveryCodes });
    }
}
