using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Sso.Sessions;

/// <summary>Ends every session of the signed-in user but the one in use.</summary>
public static class EndOtherSessions
{
    public static async Task<Ok<EndedSessions>> HandleAsync(HttpContext http, SsoSessionStore store)
    {
        var ended = await store.RevokeAllExceptAsync(http.User.GetUserId()!, http.User.GetSessionId()!);
        return TypedResults.Ok(new EndedSessions((int)ended));
    }
}

public sealed record EndedSessions(int Ended);
