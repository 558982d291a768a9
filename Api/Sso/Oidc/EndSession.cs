using Api.Shared;
using Api.Sso.Sessions;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Api.Sso.Oidc;

/// <summary>
/// End-session (RP-initiated logout). A link or image on another site must not be able to sign
/// the user out, so the session ends only when the request proves it comes from the user's own
/// client: an <c>id_token_hint</c> (validated by OpenIddict) for the session's subject, or the
/// confirmation page's same-origin POST. Anything else is shown "Log out?" first.
/// OpenIddict itself refuses a <c>post_logout_redirect_uri</c> that is not registered exactly.
/// </summary>
public static class EndSession
{
    public const string ConfirmationPath = "/sso/logout";

    public static async Task<IResult> HandleAsync(HttpContext http, SsoSessionStore sessions, IConfiguration configuration)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        var cookie = http.Request.Cookies[SsoSessionStore.CookieName];
        var session = await sessions.FindByCookieAsync(cookie);
        if (session is not null)
        {
            if (!await IsConfirmedAsync(http, session, configuration))
            {
                return Results.Redirect(ConfirmationPath + ConfirmationQuery(request));
            }

            await sessions.RevokeAsync(session.Subject, session.Id, cookie);
        }

        SessionCookies.ClearSession(http.Response);
        // OpenIddict redirects to the (already validated) post_logout_redirect_uri, if one was given.
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static async Task<bool> IsConfirmedAsync(HttpContext http, SsoSession session, IConfiguration configuration)
    {
        // On the end-session endpoint, OpenIddict's authentication result is the id_token_hint's
        // principal: signed by us, issued by us, an ID token.
        var hint = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        if (hint.Principal?.GetClaim(Claims.Subject) is { } subject && subject == session.Subject)
        {
            return true;
        }

        return HttpMethods.IsPost(http.Request.Method)
            && RequestOrigin.IsSameOrigin(http.Request, RequestOrigin.PortalOriginOf(configuration));
    }

    /// <summary>What the confirmation page posts back: the request without its (unconvincing) hint.</summary>
    private static string ConfirmationQuery(OpenIddictRequest request) => QueryString.Create(new Dictionary<string, string?>
    {
        [Parameters.ClientId] = request.ClientId,
        [Parameters.PostLogoutRedirectUri] = request.PostLogoutRedirectUri,
        [Parameters.State] = request.State,
    }.Where(pair => !string.IsNullOrEmpty(pair.Value))).ToUriComponent();
}
