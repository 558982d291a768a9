using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Sso.Sessions;

/// <summary>The signed-in user's active sessions, the one in use (the token's <c>sid</c>) marked.</summary>
public static class ListSessions
{
    public static async Task<Ok<ActiveSessions>> HandleAsync(HttpContext http, SsoSessionStore store)
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
}

public sealed record ActiveSessions(IReadOnlyList<ActiveSession> Sessions);

/// <summary>One session as its owner sees it: which browser, from which network (masked), since when.</summary>
public sealed record ActiveSession(string Id, string Device, string Network, DateTime CreatedAt, DateTime LastSeenAt, bool Current);
