using Api.Data;
using Api.Shared;
using Api.Mail;
using Api.Portal.Branding;
using Api.Portal.Devices;
using Api.Sso.Accounts;
using Api.Sso.Login;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Api.Portal;

/// <summary>The signed-in end user's own data: profile, their partner's branding and support contact, (legacy users only) password change, devices.</summary>
public static class PortalApi
{
    public static IEndpointRouteBuilder MapPortalApi(this IEndpointRouteBuilder app)
    {
        var portal = app.MapGroup("/api/portal").WithTags("Portal").RequireAuthorization().NoStore();
        portal.MapGet("/me", GetMe)
            .WithName("GetMe")
            .WithSummary("The signed-in end user's profile and role, their partner's branding and whom to contact for help.");
        portal.MapPost("/me/password", ChangePassword)
            .WithName("ChangePassword")
            .WithSummary("Changes a legacy (not yet migrated) user's password. Migrated users use Forgot Password on the SSO screen.")
            .WithMetadata(new RequestSizeLimitAttribute(InputRules.MaxBodyBytes));
        portal.MapDevicesApi();
        return app;
    }

    public static async Task<Results<Ok<Me>, ProblemHttpResult>> GetMe(HttpContext http, AppDbContext db, CancellationToken cancellationToken) =>
        await PortalMe.FindAsync(db, http.User.GetUserId(), cancellationToken) is { } me ? TypedResults.Ok(me) : PortalScope.NoAccess();

    public static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> ChangePassword(
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

        if (!LegacyPasswordHash.Verify(user.LegacyPasswordHash, body.CurrentPassword!))
        {
            return WrongCurrentPassword();
        }

        await sso.PasswordProvedAsync(reservation);
        // The current algorithm: migration imports it into the SSO account as it is.
        user.LegacyPasswordHash = LegacyPasswordHash.CreateCurrent(body.NewPassword!);
        sso.QueuePasswordChanged(user.Email, user.DisplayName, new MailAbout(EndUserId: user.Id, PartnerId: user.PartnerId));
        await db.SaveChangesAsync(cancellationToken);
        // Whoever else knew the old password is signed out; this browser stays signed in.
        await sso.EndOtherSessionsAsync(http.User.GetUserId()!, http.User.GetSessionId()!);
        return TypedResults.NoContent();
    }

    private static ValidationProblem WrongCurrentPassword() => Problems.Invalid("currentPassword", "The current password is incorrect.");
}

/// <param name="Role">The end user's role in their client's portal (see <see cref="EndUserRoles"/>): a client manager sees the whole client's tickets and devices.</param>
/// <param name="Branding">How the portal looks for this user: their partner's name, colour and logo.</param>
/// <param name="Support">Whom the user contacts for help: their partner.</param>
public sealed record Me(
    Guid Id,
    string Name,
    string Email,
    string ClientName,
    string PartnerName,
    bool MigratedToSso,
    bool CanChangePassword,
    string Role,
    PortalBranding Branding,
    SupportContact Support);

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);
