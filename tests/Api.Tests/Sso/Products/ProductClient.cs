using Api.Hosting;
using Duende.IdentityModel.OidcClient;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Api.Tests.Sso.Products;

/// <summary>
/// Another product's side of OpenID Connect in the same browser as an <see cref="SsoDriver"/>: an
/// independent client (Duende OidcClient), code + PKCE, with the product's secret when it is confidential.
/// </summary>
public sealed class ProductClient(SsoDriver browser, WebApplicationFactory<Program> api, string clientId, string? secret, string redirectUri, string scope)
{
    public static ProductClient Rmm(SsoDriver browser, ProductsApiFactory api, string? secret = null, string scope = "openid profile email rmm-api") =>
        new(browser, api, ProductsApiFactory.Rmm, secret ?? ProductsApiFactory.RmmSecret, ProductsApiFactory.RmmRedirectUri, scope);

    private readonly OidcClient oidc = new(new OidcClientOptions
    {
        Authority = browser.Origin.ToString(),
        ClientId = clientId,
        ClientSecret = secret,
        RedirectUri = redirectUri,
        Scope = scope,
        LoadProfile = false,
        DisablePushedAuthorization = true,
        BackchannelHandler = api.Server.CreateHandler(),
    });

    /// <summary>The product prepares code + PKCE and its authorize URL; nothing is sent yet.</summary>
    public async Task<AuthorizeState> PrepareAsync()
    {
        var state = await oidc.PrepareLoginAsync();
        Assert.False(state.IsError, state.Error);
        return state;
    }

    /// <summary>Opens the product's authorize URL in the browser; returns where the provider sends it, and the state to redeem with.</summary>
    public async Task<(Uri Location, AuthorizeState State)> AuthorizeAsync()
    {
        var state = await PrepareAsync();
        return (await browser.AuthorizeAsync(state.StartUrl), state);
    }

    /// <summary>
    /// The whole sign-in of a browser that already has an SSO session: authorize answers with a code
    /// at once (no sign-in screen), the product redeems it. Returns the tokens.
    /// </summary>
    public async Task<LoginResult> SignInAsync()
    {
        var (callback, state) = await AuthorizeAsync();
        Assert.StartsWith(redirectUri, callback.ToString());
        Assert.NotNull(SsoDriver.CodeIn(callback));
        var result = await oidc.ProcessResponseAsync(callback.ToString(), state);
        Assert.False(result.IsError, $"token exchange failed: {result.Error} {result.ErrorDescription}");
        return result;
    }

    /// <summary>Redeems a callback, successful or not.</summary>
    public Task<LoginResult> RedeemAsync(Uri callback, AuthorizeState state) => oidc.ProcessResponseAsync(callback.ToString(), state);

    public static IReadOnlyList<string> RolesIn(string jwt) =>
        [.. new JsonWebToken(jwt).Claims.Where(claim => claim.Type == "role").Select(claim => claim.Value).Order(StringComparer.Ordinal)];

    public static IReadOnlyList<string> AudiencesIn(string jwt) => [.. new JsonWebToken(jwt).Audiences];
}
