using System.Net;
using Duende.IdentityModel.OidcClient;
using Microsoft.AspNetCore.WebUtilities;

namespace Api.Tests.Support;

// The portal's side of OpenID Connect: an independent client (Duende OidcClient) prepares code +
// PKCE, the browser opens the authorize URL, and the client redeems the code at the token endpoint.
public sealed partial class SsoDriver
{
    public const string ClientId = "portal-spa";
    public const string Scopes = "openid profile email portal-api";

    private OidcClient? oidc;

    /// <summary>The OIDC client's state for the sign-in in progress (after <see cref="BeginSignInAsync"/>).</summary>
    public AuthorizeState? AuthorizeState { get; private set; }

    /// <summary>The authorize URL the sign-in screen must return to (its <c>returnUrl</c>).</summary>
    public string? ReturnUrl { get; private set; }

    /// <summary>The ID token of the last completed sign-in (what the SPA sends as <c>id_token_hint</c> on logout).</summary>
    public string? IdentityToken { get; private set; }

    public string RedirectUri => new Uri(Origin, "portal/callback").ToString();

    public OidcClient Oidc => oidc ??= new OidcClient(new OidcClientOptions
    {
        Authority = Origin.ToString(),
        ClientId = ClientId,
        RedirectUri = RedirectUri,
        PostLogoutRedirectUri = Origin.ToString(),
        Scope = Scopes,
        LoadProfile = false,
        DisablePushedAuthorization = true,
        BackchannelHandler = api.Server.CreateHandler(),
    });

    /// <summary>
    /// Like the portal's "Log in with Single Sign-On": prepares code + PKCE with the OIDC client,
    /// then opens the authorize URL. Without an SSO session the provider must send the browser to
    /// the sign-in screen; returns that response (302 to <c>/sso/login?returnUrl=…</c>).
    /// </summary>
    public async Task<HttpResponseMessage> BeginSignInAsync(string? nonce = null)
    {
        var state = await PrepareSignInAsync(nonce is null ? null : new Duende.IdentityModel.Client.Parameters { { "nonce", nonce } });
        var response = await Http.GetAsync(state.StartUrl);
        var location = LocationOf(response);
        if (response.StatusCode == HttpStatusCode.Redirect && location is { AbsolutePath: "/sso/login" })
        {
            ReturnUrl = QueryHelpers.ParseQuery(location.Query)["returnUrl"].ToString();
        }

        return response;
    }

    /// <summary>The OIDC client prepares code + PKCE (state, nonce, verifier) and the authorize URL; nothing is sent yet.</summary>
    public async Task<AuthorizeState> PrepareSignInAsync(Duende.IdentityModel.Client.Parameters? extra = null)
    {
        AuthorizeState = await Oidc.PrepareLoginAsync(extra);
        Assert.False(AuthorizeState.IsError, AuthorizeState.Error);
        return AuthorizeState;
    }

    /// <summary>
    /// Opens the authorize URL again (what the SPA does after step "done", or a silent renew):
    /// returns where the provider sends the browser (the callback with a code, or the sign-in screen).
    /// </summary>
    public async Task<Uri> AuthorizeAsync(string? authorizeUrl = null)
    {
        var url = authorizeUrl ?? ReturnUrl ?? AuthorizeState?.StartUrl
            ?? throw new InvalidOperationException("Call BeginSignInAsync first.");
        var response = await Http.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"authorize should redirect, answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return LocationOf(response)!;
    }

    /// <summary>The authorization code in a callback URL, or null.</summary>
    public static string? CodeIn(Uri callback) =>
        QueryHelpers.ParseQuery(callback.Query).TryGetValue("code", out var code) ? code.ToString() : null;

    /// <summary>Redeems the callback (code + PKCE verifier) at the token endpoint through the OIDC client.</summary>
    public async Task<LoginResult> RedeemAsync(Uri callback)
    {
        Assert.NotNull(AuthorizeState);
        var result = await Oidc.ProcessResponseAsync(callback.ToString(), AuthorizeState);
        Assert.False(result.IsError, $"token exchange failed: {result.Error} {result.ErrorDescription}");
        IdentityToken = result.IdentityToken;
        return result;
    }
}
