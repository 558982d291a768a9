using Api.Data;
using Api.Shared;
using Api.Sso.Accounts;
using Api.Sso.Login;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Api.Portal.LegacyLogin;

/// <summary>
/// The portal's own login form, for end users not yet migrated. The portal checks its own hash;
/// the SSO's <see cref="ProductSignIn"/> throttles and opens the same kind of session as SSO,
/// marked legacy (amr = pwd, no MFA), so the rest of the system treats both alike. While a batch
/// of the user's client has its window open (mixed mode, <see cref="INextLoginMigration"/>), the
/// right password moves the user to SSO instead, and the browser goes on to the SSO screen.
/// </summary>
public static class LogInLegacyUser
{
    public const string UseSso = "Your account has moved to Single Sign-On. Use the Log in with Single Sign-On button.";

    public static async Task<Results<Ok<LegacyLoginResponse>, ProblemHttpResult, ValidationProblem>> HandleAsync(
        LegacyLoginRequest body,
        HttpContext http,
        AppDbContext db,
        ProductSignIn sso,
        INextLoginMigration nextLogin,
        TimeProvider clock)
    {
        var email = InputRules.NormalizeEmail(body.Email);
        if (email is null)
        {
            return Problems.Invalid("email", LoginProblems.InvalidEmail);
        }

        if (!InputRules.IsPasswordSized(body.Password))
        {
            return Problems.Invalid("password", $"Enter your password (at most {InputRules.MaxPasswordLength} characters).");
        }

        // The failure unit is taken before the hash: fifty parallel guesses test at most the limit.
        var reservation = await sso.ReserveAsync(http, email);
        if (reservation is null)
        {
            return WrongCredentials();
        }

        var user = await db.EndUsers.FirstOrDefaultAsync(u => u.Email == email && !u.Deleted);

        // Exactly one password check of the current algorithm's cost on every path (a legacy
        // check includes one), so timing reveals neither registration nor migration status.
        if (user is { MigratedToSso: true, SsoAccountId: not null })
        {
            // Tell a migrated user where to go, but only once they proved the password.
            if (await sso.IsAccountPasswordAsync(user.SsoAccountId, body.Password!, http.RequestAborted))
            {
                await sso.PasswordProvedAsync(reservation);
                return Problems.Forbidden("use-sso", "Use Single Sign-On", UseSso);
            }
        }
        else if (user is { LegacyPasswordHash: { } storedHash })
        {
            if (await sso.CheckPasswordAsync(() => LegacyPasswordHash.Verify(storedHash, body.Password!), http.RequestAborted))
            {
                await sso.PasswordProvedAsync(reservation);
                if (!user.Enabled)
                {
                    return Problems.Forbidden("disabled", "Sign-in not possible", LoginProblems.Disabled);
                }

                // Mixed mode: inside a batch's window the user moves to SSO now, with this password.
                var move = await nextLogin.MoveIfWindowOpenAsync(user.Id, body.Password!, http.RequestAborted);
                if (move.Status == NextLoginStatus.Moved)
                {
                    return TypedResults.Ok(await MovedToSsoAsync(http, sso, move));
                }

                // The password is known in clear only now: store it in the current algorithm. Only
                // while the row is as it was checked: a run (or another log-in) that moved the user
                // meanwhile must not get a portal hash back, nor a portal session.
                var checkedHash = user.LegacyPasswordHash;
                var hash = LegacyPasswordHash.IsLegacy(checkedHash)
                    ? await sso.HashPasswordAsync(body.Password!, http.RequestAborted)
                    : checkedHash;
                var now = clock.GetUtcNow().UtcDateTime;
                var stillLegacy = move.Status == NextLoginStatus.NotInWindow && await db.EndUsers
                    .Where(u => u.Id == user.Id && !u.MigratedToSso && u.LegacyPasswordHash == checkedHash)
                    .ExecuteUpdateAsync(set => set.SetProperty(u => u.LegacyPasswordHash, hash).SetProperty(u => u.LastLoginAt, now)) == 1;
                if (!stillLegacy)
                {
                    return move.Status == NextLoginStatus.AlreadyMoved || await db.EndUsers.AnyAsync(u => u.Id == user.Id && u.MigratedToSso)
                        ? Problems.Forbidden("use-sso", "Use Single Sign-On", UseSso)
                        : WrongCredentials();
                }

                await sso.StartSessionAsync(http, LegacySubject.Of(user.Id), email);
                return TypedResults.Ok(new LegacyLoginResponse("/portal"));
            }
        }
        else
        {
            await sso.CheckUnknownAsync(body.Password!, http.RequestAborted);
        }

        return WrongCredentials();
    }

    /// <summary>
    /// Where a user who has just moved goes on, in this browser: the SSO screen, already at its
    /// activation step when the account is new (the SSO sends the activation e-mail: the password
    /// was proved here a moment ago and is the account's), else at its first step (a linked account
    /// signs in with its own password). There they activate, sign in, enrol and reach the portal.
    /// </summary>
    private static async Task<LegacyLoginResponse> MovedToSsoAsync(HttpContext http, ProductSignIn sso, NextLoginOutcome move)
    {
        var activating = move is { AccountCreated: true, AccountId: { } accountId } && await sso.OpenActivationStepAsync(http, accountId, "/portal");
        return new LegacyLoginResponse(activating ? "/sso/login?returnUrl=%2Fportal&resume=1" : "/sso/login?returnUrl=%2Fportal", MovedToSso: true);
    }

    private static ProblemHttpResult WrongCredentials() => Problems.BadRequest(LoginProblems.Title, LoginProblems.WrongCredentials);
}

public sealed record LegacyLoginRequest(string? Email, string? Password);

/// <param name="RedirectUrl">Where the browser goes on: after a legacy log-in, the portal (through the SPA's OIDC sign-in, which completes without a prompt); after a move, the SSO screen.</param>
/// <param name="MovedToSso">True when this log-in moved the user to SSO (mixed mode): the SPA opens <paramref name="RedirectUrl"/> as it is.</param>
public sealed record LegacyLoginResponse(string RedirectUrl, bool MovedToSso = false);
