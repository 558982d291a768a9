using Microsoft.AspNetCore.DataProtection;
using Api.Sso.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using QRCoder;

namespace Api.Sso.Login;

/// <summary>First sign-in without an authenticator: show the secret (QR + manual key), confirm one code.</summary>
public static class EnrollmentStep
{
    public static async Task<Results<Ok<EnrollmentResponse>, ProblemHttpResult>> GetEnrollment(HttpContext http, LoginServices s)
    {
        var transaction = await s.Transactions.FindAsync(http.Request.Cookies[LoginTransactionStore.CookieName]);
        if (transaction is not { Step: LoginStep.Enroll, PendingTotpSecret: not null })
        {
            return LoginResults.Problem(LoginProblems.Expired);
        }

        var secret = s.TotpProtector.Unprotect(transaction.PendingTotpSecret);
        var label = Uri.EscapeDataString($"{LoginApi.AuthenticatorIssuer}:{transaction.Email}");
        var uri = $"otpauth://totp/{label}?secret={secret}&issuer={Uri.EscapeDataString(LoginApi.AuthenticatorIssuer)}&digits=6&period=30";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);

        return TypedResults.Ok(new EnrollmentResponse(
            "data:image/png;base64," + Convert.ToBase64String(png),
            string.Join(' ', secret.Chunk(4).Select(chunk => new string(chunk))),
            transaction.Email,
            LoginApi.AuthenticatorIssuer));
    }

    public static async Task<Results<Ok<LoginStepResponse>, ProblemHttpResult, ValidationProblem>> ConfirmEnrollment(
        CodeRequest body, HttpContext http, LoginServices s)
    {
        var transaction = await s.Transactions.FindAsync(http.Request.Cookies[LoginTransactionStore.CookieName]);
        if (transaction is not { Step: LoginStep.Enroll, AccountId: not null, PendingTotpSecret: not null })
        {
            return LoginResults.Problem(LoginProblems.Expired);
        }

        var ip = LoginResults.ClientIp(http);
        var secret = s.TotpProtector.Unprotect(transaction.PendingTotpSecret);
        if (await s.Throttle.IsBlockedAsync(transaction.Email, ip) || !await s.Totp.VerifyAsync(transaction.AccountId, secret, body.Code))
        {
            await s.Throttle.RecordFailureAsync(transaction.Email, ip);
            return LoginResults.Problem(LoginProblems.WrongCode);
        }

        var account = await s.Users.FindByIdAsync(transaction.AccountId);
        if (account is null)
        {
            return LoginResults.Problem(LoginProblems.Expired);
        }

        account.ProtectedTotpSecret = s.TotpProtector.Protect(secret);
        account.TotpEnrolledAt = s.Clock.GetUtcNow().UtcDateTime;
        var recoveryCodes = RecoveryCodes.Generate();
        await s.Db.Set<RecoveryCode>().Where(c => c.AccountId == account.Id).ExecuteDeleteAsync();
        s.Db.AddRange(recoveryCodes.Select(code => new RecoveryCode { AccountId = account.Id, CodeHash = s.RecoveryCodes.Hash(code) }));

        var done = await LoginOutcome.CompleteAsync(transaction, account, http, s);
        return TypedResults.Ok(done with { RecoveryCodes = recoveryCodes });
    }
}
