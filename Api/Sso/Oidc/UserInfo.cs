using Api.Sso.Sessions;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Api.Sso.Oidc;

/// <summary>The userinfo endpoint: who the token's subject is, while its session and account live.</summary>
public static class UserInfo
{
    public static async Task<IResult> HandleAsync(HttpContext http, SubjectDirectory subjects, SsoSessionStore sessions)
    {
        var result = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var subjectId = result.Principal?.GetClaim(Claims.Subject);
        var sid = result.Principal?.GetClaim("sid");
        // Like the Api: a token outlives neither its SSO session nor its account.
        if (subjectId is null || sid is null || !await sessions.ExistsAsync(subjectId, sid))
        {
            return InvalidToken("The session of this token has ended.");
        }

        var subject = subjectId is null ? null : await subjects.FindAsync(subjectId);
        if (subject is null)
        {
            return InvalidToken("The account behind this token no longer exists.");
        }

        return Results.Ok(new Dictionary<string, object>
        {
            [Claims.Subject] = subjectId!,
            [Claims.Name] = subject.Name,
            [Claims.Email] = subject.Email,
            [Claims.EmailVerified] = subject.EmailVerified,
        });
    }

    private static IResult InvalidToken(string description) => Results.Challenge(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidToken,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
