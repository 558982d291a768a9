using Api.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using System.Security.Cryptography;
using System.Text;
using Api.Portal;
using Api.Sso.Accounts;
using Api.Sso.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using QRCoder;

namespace Api.Sso.Login;

/// <summary>
/// The SSO sign-in screen's steps: e-mail → password → (activation | enrolment | MFA code) →
/// session. Every step reads the login transaction from Redis and accepts only its own step.
/// </summary>
public static class LoginApi
{
    public const string AuthenticatorIssuer = "Platform SSO";

    public static IEndpointRouteBuilder MapSsoLoginApi(this IEndpointRouteBuilder app)
    {
        var login = app.MapGroup("/api/sso/login")
            .WithTags("SSO sign-in")
            .WithMetadata(new RequestSizeLimitAttribute(InputRules.MaxBodyBytes))
            .AllowAnonymous()
            .NoStore();

        login.MapPost("/start", Start).WithName("StartLogin").WithSummary("Step 1: the e-mail. Always answers 'password'.");
        login.MapPost("/password", SubmitPassword).WithName("SubmitPassword").WithSummary("Step 2: the password; names the next step.");
        login.MapPost("/activation/resend", ResendActivation).WithName("ResendActivation").WithSummary("Sends the activation e-mail again.");
        login.MapGet("/enrollment", GetEnrollment).WithName("GetEnrollment").WithSummary("The authenticator to enrol: QR code and manual key.");
        login.MapPost("/enrollment", ConfirmEnrollment).WithName("ConfirmEnrollment").WithSummary("Confirms enrolment with one code; returns recovery codes once.");
        login.MapPost("/mfa", SubmitMfaCode).WithName("SubmitMfaCode").WithSummary("Step 3: the MFA code (or a recovery code).");
        return app;
    }

    public static async Task<Results<Ok<LoginStepResponse>, ValidationProblem>> Start(StartLoginRequest body, HttpContext http, [FromServices] LoginTransactionStore transactions)
    {
        var email = InputRules.NormalizeEmail(body.Email);
        if (email is null)
        {
            return Problems.Invalid("email", LoginProblems.InvalidEmail);
        }

        var transaction = await transactions.StartAsync(email, InputRules.SafeReturnUrl(body.ReturnUrl));
        http.Response.Cookies.Append(LoginTransactionStore.CookieName, transaction.Id, LoginCookieOptions());
        return TypedResults.Ok(new LoginStepResponse("password", Email: email));
    }

    public static async Task<Results<Ok<LoginStepResponse>, ProblemHttpResult, ValidationProblem>> SubmitPassword(
        PasswordRequest body, HttpContext http, LoginServices s)
    {
        var transaction = await s.Transactions.FindAsync(http.Request.Cookies[LoginTransactionStore.CookieName]);
        if (transaction is not { Step: LoginStep.Password })
        {
            return Problem(LoginProblems.Expired);
        }

        if (!InputRules.IsPasswordSized(body.Password))
        {
            return Invalid("password", $"Enter your password (at most {InputRules.MaxPasswordLength} characters).");
        }

        var ip = ClientIp(http);
        var blocked = await s.Throttle.IsBlockedAsync(transaction.Email, ip);
        var account = blocked ? null : await s.Users.FindByEmailAsync(transaction.Email);
        if (account is null)
        {
            // Exactly one password check of the current algorithm's cost on every path, so timing
            // reveals neither registration nor migration status.
            var legacyHash = blocked ? null : await FindLegacyHashAsync(s, transaction.Email);
            if (legacyHash is null)
            {
                s.DummyPassword.Verify(body.Password!);
            }
            else if (LegacyPasswordHash.Verify(legacyHash, body.Password!))
            {
                return Refused("not-migrated", LoginProblems.NotMigrated);
            }

            await s.Throttle.RecordFailureAsync(transaction.Email, ip);
            return Problem(LoginProblems.WrongCredentials);
        }

        // Upgrades an imported legacy hash to the current algorithm when it matches.
        if (!await s.Users.CheckPasswordAsync(account, body.Password!))
        {
            await s.Throttle.RecordFailureAsync(transaction.Email, ip);
            return Problem(LoginProblems.WrongCredentials);
        }

        var endUser = await s.Db.EndUsers.FirstOrDefaultAsync(u => u.Email == transaction.Email && !u.Deleted);
        if (endUser is { MigratedToSso: false })
        {
            return Refused("not-migrated", LoginProblems.NotMigrated);
        }

        if (endUser is { Enabled: false })
        {
            return Refused("disabled", LoginProblems.Disabled);
        }

        return TypedResults.Ok(await AdvanceAsync(transaction with { AccountId = account.Id }, account, s));
    }

    public static async Task<Results<Accepted, ProblemHttpResult>> ResendActivation(HttpContext http, LoginServices s)
    {
        var transaction = await s.Transactions.FindAsync(http.Request.Cookies[LoginTransactionStore.CookieName]);
        if (transaction is not { Step: LoginStep.Activate, AccountId: not null })
        {
            return Problem(LoginProblems.Expired);
        }

        if (transaction.ActivationMailsSent >= 3)
        {
            return Problems.Status(
                StatusCodes.Status429TooManyRequests,
                "Too many e-mails",
                "Three activation e-mails have been sent already. Check your spam folder, or wait a few minutes and sign in again.");
        }

        var account = await s.Users.FindByIdAsync(transaction.AccountId);
        if (account is { EmailConfirmed: false })
        {
            s.Emails.QueueActivation(account);
            await s.Db.SaveChangesAsync();
        }

        await s.Transactions.SaveAsync(transaction with { ActivationMailsSent = transaction.ActivationMailsSent + 1 });
        return TypedResults.Accepted((string?)null);
    }

    public static async Task<Results<Ok<EnrollmentResponse>, ProblemHttpResult>> GetEnrollment(HttpContext http, LoginServices s)
    {
        var transaction = await s.Transactions.FindAsync(http.Request.Cookies[LoginTransactionStore.CookieName]);
        if (transaction is not { Step: LoginStep.Enroll, PendingTotpSecret: not null })
        {
            return Problem(LoginProblems.Expired);
        }

        var secret = s.TotpProtector.Unprotect(transaction.PendingTotpSecret);
        var label = Uri.EscapeDataString($"{AuthenticatorIssuer}:{transaction.Email}");
        var uri = $"otpauth://totp/{label}?secret={secret}&issuer={Uri.EscapeDataString(AuthenticatorIssuer)}&digits=6&period=30";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);

        return TypedResults.Ok(new EnrollmentResponse(
            "data:image/png;base64," + Convert.ToBase64String(png),
            string.Join(' ', secret.Chunk(4).Select(chunk => new string(chunk))),
            transaction.Email,
            AuthenticatorIssuer));
    }

    public static async Task<Results<Ok<LoginStepResponse>, ProblemHttpResult, ValidationProblem>> ConfirmEnrollment(
        CodeRequest body, HttpContext http, LoginServices s)
    {
        var transaction = await s.Transactions.FindAsync(http.Request.Cookies[LoginTransactionStore.CookieName]);
        if (transaction is not { Step: LoginStep.Enroll, AccountId: not null, PendingTotpSecret: not null })
        {
            return Problem(LoginProblems.Expired);
        }

        var ip = ClientIp(http);
        var secret = s.TotpProtector.Unprotect(transaction.PendingTotpSecret);
        if (await s.Throttle.IsBlockedAsync(transaction.Email, ip) || !await s.Totp.VerifyAsync(transaction.AccountId, secret, body.Code))
        {
            await s.Throttle.RecordFailureAsync(transaction.Email, ip);
            return Problem(LoginProblems.WrongCode);
        }

        var account = await s.Users.FindByIdAsync(transaction.AccountId);
        if (account is null)
        {
            return Problem(LoginProblems.Expired);
        }

        account.ProtectedTotpSecret = s.TotpProtector.Protect(secret);
        account.TotpEnrolledAt = s.Clock.GetUtcNow().UtcDateTime;
        var recoveryCodes = RecoveryCodes.Generate();
        await s.Db.Set<RecoveryCode>().Where(c => c.AccountId == account.Id).ExecuteDeleteAsync();
        s.Db.AddRange(recoveryCodes.Select(code => new RecoveryCode { AccountId = account.Id, CodeHash = RecoveryCodes.Hash(code) }));

        var done = await CompleteAsync(transaction, account, http, s);
        return TypedResults.Ok(done with { RecoveryCodes = recoveryCodes });
    }

    public static async Task<Results<Ok<LoginStepResponse>, ProblemHttpResult, ValidationProblem>> SubmitMfaCode(
        CodeRequest body, HttpContext http, LoginServices s)
    {
        var transaction = await s.Transactions.FindAsync(http.Request.Cookies[LoginTransactionStore.CookieName]);
        if (transaction is not { Step: LoginStep.Mfa, AccountId: not null })
        {
            return Problem(LoginProblems.Expired);
        }

        if (body.Code is { Length: > 20 } || body.RecoveryCode is { Length: > 40 })
        {
            return Invalid("code", "Enter the 6-digit code from your authenticator app.");
        }

        var ip = ClientIp(http);
        var account = await s.Users.FindByIdAsync(transaction.AccountId);
        var accepted = account is { ProtectedTotpSecret: not null }
            && !await s.Throttle.IsBlockedAsync(transaction.Email, ip)
            && (body.RecoveryCode is { Length: > 0 }
                ? await RecoveryCodes.UseAsync(s.Db, account.Id, body.RecoveryCode, s.Clock)
                : await s.Totp.VerifyAsync(account.Id, s.TotpProtector.Unprotect(account.ProtectedTotpSecret), body.Code));
        if (!accepted)
        {
            await s.Throttle.RecordFailureAsync(transaction.Email, ip);
            return Problem(LoginProblems.WrongCode);
        }

        return TypedResults.Ok(await CompleteAsync(transaction, account!, http, s));
    }

    /// <summary>Moves a transaction whose password was right to exactly one next step.</summary>
    private static async Task<LoginStepResponse> AdvanceAsync(LoginTransaction transaction, SsoAccount account, LoginServices s)
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
    private static async Task<LoginStepResponse> CompleteAsync(LoginTransaction transaction, SsoAccount account, HttpContext http, LoginServices s)
    {
        var now = s.Clock.GetUtcNow().UtcDateTime;
        account.LastLoginAt = now;
        await s.Db.EndUsers.Where(u => u.SsoAccountId == account.Id).ExecuteUpdateAsync(set => set.SetProperty(u => u.LastLoginAt, now));
        await s.Db.SaveChangesAsync();

        var (_, cookie) = await s.Sessions.CreateAsync(account.Id, ["pwd", "mfa", "otp"], legacy: false);
        SessionCookies.SetSession(http.Response, cookie);
        await s.Transactions.EndAsync(transaction.Id);
        http.Response.Cookies.Delete(LoginTransactionStore.CookieName, LoginCookieOptions());
        await s.Throttle.ResetAccountAsync(transaction.Email);
        return new LoginStepResponse("done", RedirectUrl: transaction.ReturnUrl);
    }

    private static Task<string?> FindLegacyHashAsync(LoginServices s, string email) =>
        s.Db.EndUsers
            .Where(u => u.Email == email && !u.MigratedToSso && !u.Deleted && u.Enabled && u.LegacyPasswordHash != null)
            .Select(u => u.LegacyPasswordHash)
            .FirstOrDefaultAsync();

    public static string ClientIp(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static CookieOptions LoginCookieOptions() => new()
    {
        HttpOnly = true,
        Secure = true,
        SameSite = SameSiteMode.Strict,
        Path = "/",
        MaxAge = LoginTransactionStore.Lifetime,
    };

    private static ProblemHttpResult Problem(string sentence) => Problems.BadRequest(LoginProblems.Title, sentence);

    private static ProblemHttpResult Refused(string kind, string sentence) => Problems.Forbidden(kind, "Sign-in not possible here", sentence);

    private static ValidationProblem Invalid(string field, string sentence) => Problems.Invalid(field, sentence);
}

public sealed record StartLoginRequest(string? Email, string? ReturnUrl);

public sealed record PasswordRequest(string? Password);

public sealed record CodeRequest(string? Code, string? RecoveryCode);

/// <summary>The one next step: password, activate, enroll, mfa or done.</summary>
public sealed record LoginStepResponse(string Step, string? RedirectUrl = null, string? Email = null, IReadOnlyList<string>? RecoveryCodes = null);

public sealed record EnrollmentResponse(string QrCodeDataUri, string ManualKey, string AccountName, string Issuer);

/// <summary>Ten single-use codes for when the authenticator is lost; only their hashes are stored.</summary>
public static class RecoveryCodes
{
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    public static string[] Generate() =>
        [.. Enumerable.Range(0, 10).Select(_ => $"{RandomNumberGenerator.GetString(Alphabet, 5)}-{RandomNumberGenerator.GetString(Alphabet, 5)}")];

    public static string Hash(string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code.Trim().ToLowerInvariant())));

    public static async Task<bool> UseAsync(Infrastructure.AppDbContext db, string accountId, string code, TimeProvider clock)
    {
        var hash = Hash(code);
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Set<RecoveryCode>()
            .Where(c => c.AccountId == accountId && c.CodeHash == hash && c.UsedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.UsedAt, now)) == 1;
    }
}
