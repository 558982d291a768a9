using System.Security.Claims;
using Api.Sso.Accounts;
using Api.Sso.Products;
using Api.Sso.Sessions;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Api.Sso.Oidc;

/// <summary>
/// The authorization endpoint: a code only for a browser with a complete SSO session (both
/// factors, or a legacy session); anything else goes to the sign-in screen, as does a session
/// older than <c>prompt=login</c> / <c>max_age</c> allow.
/// </summary>
public static class Authorize
{
    public static async Task<IResult> HandleAsync(
        HttpContext http,
        SsoSessionStore sessions,
        SubjectDirectory subjects,
        ReauthenticationRequests reauthentication,
        ProductCatalog products,
        StandingAuthorizations authorizations,
        AccountMilestones milestones)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        // OpenIddict knows the client; the catalog says what its tokens carry. Only a client
        // removed from configuration since this process started can be missing here.
        var product = products.FindByClientId(request.ClientId);
        if (product is null)
        {
            return Forbid(Errors.UnauthorizedClient, "This application is no longer registered.");
        }

        var notBefore = await reauthentication.NotBeforeAsync(request);
        var session = await sessions.FindByCookieAsync(http.Request.Cookies[SsoSessionStore.CookieName]);
        var subject = session is null ? null : await subjects.FindAsync(session.Subject);
        if (session is not null && subject is null)
        {
            await sessions.RevokeAsync(session.Subject, session.Id);
        }

        // prompt=login or max_age: a session older than asked for is not reused (but stays
        // alive, in case the user gives up on the new sign-in).
        if (session is null || subject is null || session.CreatedAt < notBefore)
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Forbid(Errors.LoginRequired, "The user is not signed in.");
            }

            var returnUrl = http.Request.PathBase + http.Request.Path + QueryWithoutPrompt(http.Request);
            return Results.Redirect($"{AuthorizationApi.LoginPath}?returnUrl={Uri.EscapeDataString(returnUrl)}");
        }

        var identity = new ClaimsIdentity(
            OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, session.Subject)
            .SetClaim(Claims.Name, subject.Name)
            .SetClaim(Claims.Email, subject.Email)
            .SetClaim(Claims.EmailVerified, subject.EmailVerified)
            .SetClaim(Claims.AuthenticationTime, new DateTimeOffset(session.CreatedAt, TimeSpan.Zero).ToUnixTimeSeconds())
            .SetClaim("sid", session.Id);
        foreach (var method in session.Amr)
        {
            identity.AddClaim(new Claim("amr", method));
        }

        // A product's tokens carry its own roles and no other product's: the portal never learns
        // who is an RMM admin, and the RMM console never sees portal roles.
        foreach (var role in (subject.Roles ?? []).Where(product.Roles.Contains))
        {
            identity.AddClaim(new Claim(Claims.Role, role));
        }

        identity.SetScopes(request.GetScopes());
        identity.SetResources(product.Audience);
        identity.SetAuthorizationId(await authorizations.IdForAsync(identity, session.Subject, product.ClientId, request.GetScopes()));
        identity.SetDestinations(claim => claim.Type switch
        {
            Claims.Name or Claims.Email or Claims.EmailVerified or Claims.AuthenticationTime or "sid" or "amr" or Claims.Role
                => [Destinations.AccessToken, Destinations.IdentityToken],
            _ => [Destinations.AccessToken],
        });

        // Before the code leaves: the product hears of the session's end (BackChannelLogout).
        await sessions.RecordProductAsync(session.Subject, session.Id, product.ClientId);
        // A legacy session's subject is the product's own user, not an SSO account.
        if (!session.Legacy)
        {
            await milestones.ReachedAsync(
                new AccountMilestoneReached(session.Subject, AccountMilestone.SignedIn, product.ClientId, session.Id), http.RequestAborted);
        }

        return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static IResult Forbid(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

    // After the sign-in screen the browser comes back here. Its prompt has done its work; what
    // prompt=login or max_age asked for is held by ReauthenticationRequests, not by the URL.
    private static string QueryWithoutPrompt(HttpRequest request) =>
        QueryString.Create(request.Query.Where(pair => pair.Key != Parameters.Prompt)).ToUriComponent();
}
