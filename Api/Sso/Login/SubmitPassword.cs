using Api.Shared;
using Api.Sso.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Sso.Login;

/// <summary>Step 2, the password: verified at equal cost for every e-mail, then exactly one next step.</summary>
public static class SubmitPassword
{
    public static async Task<Results<Ok<LoginStepResponse>, ProblemHttpResult, ValidationProblem>> HandleAsync(
        PasswordRequest body, HttpContext http, LoginServices s)
    {
        var transaction = await s.Transactions.FindAsync(http.Request.Cookies[LoginTransactionStore.CookieName]);
        if (transaction is not { Step: LoginStep.Password })
        {
            return LoginResults.Problem(LoginProblems.Expired);
        }

        if (!InputRules.IsPasswordSized(body.Password))
        {
            return LoginResults.Invalid("password", $"Enter your password (at most {InputRules.MaxPasswordLength} characters).");
        }

        // The failure unit is taken before the hash: fifty parallel guesses test at most the limit.
        var reservation = await s.Throttle.ReserveAsync(http, transaction.Email);
        if (reservation is null)
        {
            return LoginResults.Problem(LoginProblems.WrongCredentials);
        }

        var account = await s.Users.FindByEmailAsync(transaction.Email);
        if (account is null)
        {
            // Exactly one password check of the current algorithm's cost on every path, so timing
            // reveals neither registration nor migration status.
            var legacyHash = await s.Products.FindUnmigratedPasswordHashAsync(transaction.Email);
            var legacyMatches = await s.PasswordChecks.RunAsync(
                () => legacyHash is null ? s.DummyPassword.Verify(body.Password!) : LegacyPasswordHash.Verify(legacyHash, body.Password!),
                http.RequestAborted);
            if (legacyHash is not null && legacyMatches)
            {
                await s.Throttle.GiveBackAsync(reservation);
                return LoginResults.Refused("not-migrated", LoginProblems.NotMigrated);
            }

            return LoginResults.Problem(LoginProblems.WrongCredentials);
        }

        // Upgrades an imported legacy hash to the current algorithm when it matches.
        if (!await s.PasswordChecks.RunAsync(() => s.Users.CheckPasswordAsync(account, body.Password!), http.RequestAborted))
        {
            await s.NoticeLockoutAsync(reservation, account);
            return LoginResults.Problem(LoginProblems.WrongCredentials);
        }

        await s.Throttle.GiveBackAsync(reservation);
        var standing = await s.Products.GetSignInStandingAsync(account.Id);
        if (standing == ProductSignInStanding.NotMigrated)
        {
            return LoginResults.Refused("not-migrated", LoginProblems.NotMigrated);
        }

        if (standing == ProductSignInStanding.Disabled || account.IsDisabled)
        {
            return LoginResults.Refused("disabled", LoginProblems.Disabled);
        }

        return TypedResults.Ok(await LoginOutcome.AdvanceAsync(transaction with { AccountId = account.Id }, account, s));
    }
}
