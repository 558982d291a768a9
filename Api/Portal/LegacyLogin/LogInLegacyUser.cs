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
/// marked legacy (amr = pwd, no MFA), so the rest of the system treats both alike.
/// </summary>
public static class LogInLegacyUser
{
    public const string UseSso = "Your account has moved to Single Sign-On. Use the Log in with Single Sign-On button.";

    public static async Task<Results<Ok<LegacyLoginResponse>, ProblemHttpResult, ValidationProblem>> HandleAsync(
        LegacyLoginRequest body,
        HttpContext http,
        AppDbContext db,
        ProductSignIn sso,
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
            if (await sso.IsAccountPasswordAsync(user.SsoAccountId, body.Password!))
            {
                await sso.PasswordProvedAsync(reservation);
                return Problems.Forbidden("use-sso", "Use Single Sign-On", UseSso);
            }
        }
        else if (user is { LegacyPasswordHash: not null })
        {
            if (LegacyPasswordHash.Verify(user.LegacyPasswordHash, body.Password!))
            {
                await sso.PasswordProvedAsync(reservation);
                if (!user.Enabled)
                {
                    return Problems.Forbidden("disabled", "Sign-in not possible", LoginProblems.Disabled);
                }

                if (LegacyPasswordHash.IsLegacy(user.LegacyPasswordHash))
                {
                    // The password is known in clear only now: store it in the current algorithm.
                    user.LegacyPasswordHash = LegacyPasswordHash.CreateCurrent(body.Password!);
                }

                user.LastLoginAt = clock.GetUtcNow().UtcDateTime;
                await db.SaveChangesAsync();
                await sso.StartSessionAsync(http, LegacySubject.Of(user.Id), email);
                return TypedResults.Ok(new LegacyLoginResponse("/portal"));
            }
        }
        else
        {
            sso.CheckUnknown(body.Password!);
        }

        return WrongCredentials();
    }

    private static ProblemHttpResult WrongCredentials() => Problems.BadRequest(LoginProblems.Title, LoginProblems.WrongCredentials);
}

public sealed record LegacyLoginRequest(string? Email, string? Password);

public sealed record LegacyLoginResponse(string RedirectUrl);
