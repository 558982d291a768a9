using Api.Data;
using Api.Mail;
using Api.Shared;
using Api.Sso.Accounts;
using Api.Sso.Login;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Portal;

/// <summary>
/// A legacy (not yet migrated) end user changes their portal password; a migrated user's password
/// is the SSO's (Forgot Password on the SSO screen).
/// </summary>
public static class ChangePassword
{
    public static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> HandleAsync(
        ChangePasswordRequest body, HttpContext http, AppDbContext db, ProductSignIn sso, CancellationToken cancellationToken)
    {
        var user = await PortalScope.FindEndUserAsync(http, db, cancellationToken);
        if (user is null)
        {
            return PortalScope.NoAccess();
        }

        if (user.MigratedToSso)
        {
            return Problems.Status(
                StatusCodes.Status409Conflict,
                "Password managed by Single Sign-On",
                "Your password is managed by Single Sign-On. To change it, use Forgot Password on the Single Sign-On login screen.");
        }

        if (PortalPasswordRules.Check(body.NewPassword) is { } refused)
        {
            return refused;
        }

        if (!InputRules.IsPasswordSized(body.CurrentPassword) || user.LegacyPasswordHash is null)
        {
            return WrongCurrentPassword();
        }

        // Guessing the current password with a stolen session is throttled like a login: the
        // failure unit is taken before the hash, so parallel guesses test at most the limit.
        var reservation = await sso.ReserveForSignedInAsync(http, user.Email);
        if (reservation is null)
        {
            return Problems.Status(
                StatusCodes.Status429TooManyRequests,
                "Too many attempts",
                "Too many wrong passwords. Wait a few minutes before trying again, or log out and use the login page's help.");
        }

        string storedHash = user.LegacyPasswordHash;
        if (!await sso.CheckPasswordAsync(() => LegacyPasswordHash.Verify(storedHash, body.CurrentPassword!), cancellationToken))
        {
            return WrongCurrentPassword();
        }

        await sso.PasswordProvedAsync(reservation);
        // The current algorithm: migration imports it into the SSO account as it is.
        user.LegacyPasswordHash = await sso.HashPasswordAsync(body.NewPassword!, cancellationToken);
        sso.QueuePasswordChanged(user.Email, user.DisplayName, new MailAbout(EndUserId: user.Id, PartnerId: user.PartnerId));
        await db.SaveChangesAsync(cancellationToken);
        // Whoever else knew the old password is signed out; this browser stays signed in.
        await sso.EndOtherSessionsAsync(http.User.GetUserId()!, http.User.GetSessionId()!);
        return TypedResults.NoContent();
    }

    private static ValidationProblem WrongCurrentPassword() => Problems.Invalid("currentPassword", "The current password is incorrect.");
}

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);
