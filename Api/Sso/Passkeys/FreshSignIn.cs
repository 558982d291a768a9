using Api.Shared;
using Api.Sso.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Sso.Passkeys;

/// <summary>
/// Changing how an account signs in (adding or removing a passkey) needs a sign-in of the last 5
/// minutes: a session left open on a shared computer is not enough. The SSO session's creation
/// time is when its owner last proved who they are (a silent renewal never moves it).
/// </summary>
public static class FreshSignIn
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    /// <summary>Null when the token's session signed in recently enough; else the 403 the SPA answers with a new sign-in.</summary>
    public static async Task<ProblemHttpResult?> RequireAsync(HttpContext http, SsoSessionStore sessions, TimeProvider clock)
    {
        var (subject, sid) = (http.User.GetUserId(), http.User.GetSessionId());
        var session = subject is null || sid is null ? null : await sessions.FindAsync(subject, sid);
        return session is not null && clock.GetUtcNow().UtcDateTime - session.CreatedAt <= MaxAge
            ? null
            : Problems.Forbidden("fresh-sign-in-needed", "Sign in again", PasskeyProblems.NeedsFreshSignIn);
    }
}
