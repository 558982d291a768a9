using System.Text.Json;
using Api.Shared;
using Api.Sso.Accounts;
using Api.Sso.Passkeys;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace Api.Sso.Login;

/// <summary>
/// The passkey's answer: one verified assertion replaces the password and the MFA code. Its
/// challenge is taken once (the first of parallel answers is the only one verified); a failure
/// spends the same budget as a wrong password.
/// </summary>
public static class SubmitPasskey
{
    public static async Task<Results<Ok<LoginStepResponse>, ProblemHttpResult>> HandleAsync(
        PasskeyCredentialRequest body, HttpContext http, LoginServices s, PasskeyServices passkeys)
    {
        var transaction = await s.Transactions.FindAsync(http.Request.Cookies[LoginTransactionStore.CookieName]);
        var state = transaction is { Step: LoginStep.Password } ? await passkeys.Ceremonies.TakeAsync(PasskeyCeremony.Assert, transaction.Id) : null;
        if (transaction is null || state is null)
        {
            return LoginResults.Problem(LoginProblems.Expired);
        }

        // Whose budget a failure spends: the e-mail typed, else the passkey's owner, else an
        // unknown passkey's (which locks out nobody real); the address and device budgets as always.
        var owner = await FindOwnerAsync(body.Credential, s);
        var budgetEmail = transaction.Email.Length > 0 ? transaction.Email : owner?.Email is { } email ? InputRules.NormalizeEmail(email) ?? email : "passkey:unknown";
        var reservation = await s.Throttle.ReserveAsync(http, budgetEmail);
        if (reservation is null)
        {
            return LoginResults.Problem(PasskeyProblems.NotVerified);
        }

        var assertion = await passkeys.Handler.PerformAssertionAsync(new PasskeyAssertionContext
        {
            HttpContext = http,
            CredentialJson = body.Credential.GetRawText(),
            AssertionState = state,
        });
        var account = assertion.Succeeded ? assertion.User : null;
        if (account is null || (transaction.Email.Length > 0 && !string.Equals(InputRules.NormalizeEmail(account.Email), transaction.Email, StringComparison.Ordinal)))
        {
            if (owner is not null && reservation.LocksAccount)
            {
                await s.NoticeLockoutAsync(reservation, owner);
            }

            return LoginResults.Problem(PasskeyProblems.NotVerified);
        }

        await s.Throttle.GiveBackAsync(reservation);
        var standing = await s.Products.GetSignInStandingAsync(account.Id);
        if (standing == ProductSignInStanding.Disabled || account.IsDisabled || !account.EmailConfirmed)
        {
            return LoginResults.Refused("disabled", LoginProblems.Disabled);
        }

        await AccountPasskeys.RecordUseAsync(s.Db, assertion.Passkey!, s.Clock.GetUtcNow().UtcDateTime);
        var signedIn = transaction with { Email = InputRules.NormalizeEmail(account.Email) ?? account.Email!, AccountId = account.Id, SecurityStamp = account.SecurityStamp };
        var done = await LoginOutcome.CompleteAsync(signedIn, account, http, s, AccountPasskeys.AuthenticationMethods(assertion.Passkey!));
        return done is null ? LoginResults.Problem(LoginProblems.Expired) : TypedResults.Ok(done);
    }

    /// <summary>The account a credential id names, before anything is verified (only to choose whose budget a failure spends).</summary>
    private static async Task<SsoAccount?> FindOwnerAsync(JsonElement credential, LoginServices s)
    {
        if (credential.ValueKind != JsonValueKind.Object || !credential.TryGetProperty("id", out var id) || id.GetString() is not { Length: > 0 and <= 1400 } text)
        {
            return null;
        }

        try
        {
            return await s.Users.FindByPasskeyIdAsync(WebEncoders.Base64UrlDecode(text));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
