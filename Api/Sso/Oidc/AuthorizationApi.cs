namespace Api.Sso.Oidc;

/// <summary>
/// The provider's own parts of the protocol: authorize issues a code only to a browser with a
/// complete SSO session (both factors, or a legacy session); everything else goes to the
/// sign-in screen, as does a session older than <c>prompt=login</c> / <c>max_age</c> allow.
/// End-session (<see cref="EndSession"/>) ends the session everywhere at once.
/// </summary>
public static class AuthorizationApi
{
    public const string LoginPath = "/sso/login";

    public static IEndpointRouteBuilder MapOidcEndpoints(this IEndpointRouteBuilder app)
    {
        var oidc = app.MapGroup("/connect").WithTags("OpenID Connect").ExcludeFromDescription();
        oidc.MapMethods("/authorize", [HttpMethods.Get, HttpMethods.Post], Authorize.HandleAsync);
        oidc.MapMethods("/userinfo", [HttpMethods.Get, HttpMethods.Post], UserInfo.HandleAsync);
        oidc.MapMethods("/logout", [HttpMethods.Get, HttpMethods.Post], EndSession.HandleAsync);
        return app;
    }
}
