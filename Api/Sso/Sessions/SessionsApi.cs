using Api.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Sso.Sessions;

/// <summary>
/// The signed-in user's own SSO sessions: where they are signed in, and ending the others (a lost
/// phone, a shared computer). The token's <c>sid</c> is the session in use; only sessions of the
/// token's subject are ever listed or ended.
/// </summary>
public static class SessionsApi
{
    public const string AlreadyEnded = "This session has already ended.";

    public const string IsCurrent = "This is the session you are using now. To end it, use Log out.";

    public static IEndpointRouteBuilder MapSessionsApi(this IEndpointRouteBuilder app)
    {
        var sessions = app.MapGroup("/api/sso/sessions").WithTags("SSO sessions").RequireAuthorization().NoStore();
        sessions.MapGet("", ListSessions).WithName("ListSessions").WithSummary("The signed-in user's active sessions, the current one marked.");
        sessions.MapDelete("/{id}", EndSession).WithName("EndSession").WithSummary("Ends one of the user's other sessions; its tokens stop working at once.");
        sessions.MapPost("/end-others", EndOtherSessions).WithName("EndOtherSessions").WithSummary("Ends every session of the user but the current one.");
        return app;
    }

    public static async Task<Ok<ActiveSessions>> ListSessions(HttpContext http, SsoSessionStore store)
    {
        var current = http.User.GetSessionId();
        var sessions = await store.ListAsync(http.User.GetUserId()!);
        return TypedResults.Ok(new ActiveSessions([.. sessions.Select(session => new ActiveSession(
            session.Id,
            session.Device ?? "Unknown device",
            session.Network ?? "unknown",
            session.CreatedAt,
            session.LastSeenAt ?? session.CreatedAt,
            session.Id == current))]));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> EndSession(string id, HttpContext http, SsoSessionStore store)
    {
        if (id == http.User.GetSessionId())
        {
            return Problems.BadRequest("Session in use", IsCurrent);
        }

        // Another user's session answers exactly like one that has ended: nothing tells it exists.
        var session = id.Length <= 64 ? await store.FindAsync(id) : null;
        if (session is null || session.Subject != http.User.GetUserId())
        {
            return Problems.Status(StatusCodes.Status404NotFound, "Session not found", AlreadyEnded);
        }

        await store.RevokeAsync(session.Id);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<EndedSessions>> EndOtherSessions(HttpContext http, SsoSessionStore store)
    {
        var ended = await store.RevokeAllExceptAsync(http.User.GetUserId()!, http.User.GetSessionId()!);
        return TypedResults.Ok(new EndedSessions((int)ended));
    }
}

public sealed record ActiveSessions(IReadOnlyList<ActiveSession> Sessions);

/// <summary>One session as its owner sees it: which browser, from which network (masked), since when.</summary>
public sealed record ActiveSession(string Id, string Device, string Network, DateTime CreatedAt, DateTime LastSeenAt, bool Current);

public sealed record EndedSessions(int Ended);
