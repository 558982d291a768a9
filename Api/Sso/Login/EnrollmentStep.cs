using Api.Shared;
using Api.Sso.Accounts;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OtpNet;
using QRCoder;

namespace Api.Sso.Login;

/// <summary>First sign-in without an authenticator: show the secret (QR + manual key), confirm one code.</summary>
public static class EnrollmentStep
{
    public static async Task<Results<Ok<EnrollmentResponse>, ProblemHttpResult>> GetEnrollment(HttpContext http, LoginServices s)
    {
        var (transaction, refusal) = await FindEnrolmentAsync(http, s);
        if (transaction is null)
        {
            return refusal!;
        }

        var secret = s.TotpProtector.Unprotect(transaction.PendingTotpSecret!);
        var uri = new OtpUri(OtpType.Totp, secret, transaction.Email, LoginApi.AuthenticatorIssuer).ToString();
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);

        return TypedResults.Ok(new EnrollmentResponse(
            "data:image/png;base64," + Convert.ToBase64String(png),
            string.Join(' ', secret.Chunk(4).Select(chunk => new string(chunk))),
            transaction.Email,
            LoginApi.AuthenticatorIssuer));
    }

    /// <summary>
    /// Adds the authenticator only if the account has none at that moment: one conditional
    /// UPDATE in the transaction that also writes the recovery codes, so of two browsers that
    /// both reached this step, the second is refused and writes nothing.
    /// </summary>
    public static async Task<Results<Ok<LoginStepResponse>, ProblemHttpResult, ValidationProblem>> ConfirmEnrollment(
        CodeRequest body, HttpContext http, LoginServices s)
    {
        var (transaction, refusal) = await FindEnrolmentAsync(http, s);
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
                return await RefuseAsync(transaction, s, reload: true) ?? LoginResults.Problem(LoginProblems.Expired);
            }

            await s.Db.Set<RecoveryCode>().Where(c => c.AccountId == accountId).ExecuteDeleteAsync();
            s.Db.AddRange(recoveryCodes.Select(code => new RecoveryCode { AccountId = accountId, CodeHash = s.RecoveryCodes.Hash(code) }));
            var account = await s.Db.Users.AsNoTracking().FirstAsync(a => a.Id == accountId);
            s.Emails.QueueAuthenticatorEnrolled(account, now);
            await s.Db.SaveChangesAsync();
            await dbTransaction.CommitAsync();
        }

        // Every other sign-in of this account now dies (new stamp); this one carries it on.
        var enrolledAccount = (await s.Users.FindByIdAsync(accountId))!;
        var done = await LoginOutcome.StartSessionAsync(transaction with { SecurityStamp = stamp }, enrolledAccount, http, s);
        return done is null ? LoginResults.Problem(LoginProblems.Expired) : TypedResults.Ok(done with { RecoveryCodes = recoveryCodes });
    }

    /// <summary>This browser's sign-in at the enrolment step, or the answer that says why it cannot go on.</summary>
    private static async Task<(LoginTransaction? Transaction, ProblemHttpResult? Refusal)> FindEnrolmentAsync(HttpContext http, LoginServices s)
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
    private static async Task<ProblemHttpResult?> RefuseAsync(LoginTransaction transaction, LoginServices s, bool reload = false)
    {
        var account = await s.Users.FindByIdAsync(transaction.AccountId!);
        if (reload && account is not null)
        {
            await s.Db.Entry(account).ReloadAsync();
        }

        if (account is { HasAuthenticator: true })
        {
            return Problems.Status(StatusCodes.Status409Conflict, "Authenticator already set up", LoginProblems.AlreadyEnrolled);
        }

        return LoginOutcome.IsCurrent(transaction, account) ? null : LoginResults.Problem(LoginProblems.Expired);
    }
}
