using Api.Shared;

namespace Api.Sso.Sessions;

/// <summary>
/// The signed-in user's own SSO sessions: where they are signed in, and ending the others (a lost
/// phone, a shared computer). The token's <c>sid</c> is the session in use; only sessions of the
/// token's subject are ever listed or ended.
/// </summary>
public static class SessionsApi
{
    public static IEndpointRouteBuilder MapSessionsApi(this IEndpointRouteBuilder app)
    {
        var sessions = app.MapGroup("/api/sso/sessions").WithTags("SSO sessions").RequireAuthorization().NoStore();
        sessions.MapGet("", ListSessions.HandleAsync).WithName("ListSessions").WithSummary("The signed-in user's active sessions, the current one marked.");
        sessions.MapDelete("/{id}", EndAnotherSession.HandleAsync).WithName("EndSession").WithSummary("Ends one of the user's other sessions; its tokens stop working at once.");
        sessions.MapPost("/end-others", EndOtherSessions.HandleAsync).WithName("EndOtherSessions").WithSummary("Ends every session of the user but the current one.");
        return app;
    }
}
