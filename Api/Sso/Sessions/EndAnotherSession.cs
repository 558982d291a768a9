using Api.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Sso.Sessions;

/// <summary>
/// Ends one of the signed-in user's other sessions (a lost phone, a shared computer); its tokens
/// stop working at once. The session in use ends with Log out instead (the OIDC end-session endpoint).
/// </summary>
public static class EndAnotherSession
{
    public const string AlreadyEnded = "This session has already ended.";

    public const string IsCurrent = "This is the session you are using now. To end it, use Log out.";

    public static async Task<Results<NoContent, ProblemHttpResult>> HandleAsync(string id, HttpContext http, SsoSessionStore store)
    {
        if (id == http.User.GetSessionId())
        {
            return Problems.BadRequest("Session in use", IsCurrent);
        }

        // Looked up under the caller's own subject: another user's session answers exactly like
        // one that has ended, and nothing tells it exists.
        var subject = http.User.GetUserId()!;
        var session = id.Length <= 64 ? await store.FindAsync(subject, id) : null;
        if (session is null)
        {
            return Problems.Status(StatusCodes.Status404NotFound, "Session not found", AlreadyEnded);
        }

        await store.RevokeAsync(session.Subject, session.Id);
        return TypedResults.NoContent();
    }
}
