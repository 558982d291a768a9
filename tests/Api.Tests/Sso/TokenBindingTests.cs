using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using Api.Sso.Sessions;
using Api.Tests.Sso.Products;
using Duende.IdentityModel.OidcClient;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static Api.Tests.Support.PortalApiProbe;

namespace Api.Tests.Sso;

/// <summary>
/// Tokens are bound to who asked for them: the portal API takes only access tokens (typ at+jwt)
/// with its scope, issued to a client allowed to call it; userinfo refuses a token whose SSO
/// session has ended. Each refusal is checked next to a control token that is accepted.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class TokenBindingTests(SsoApiFactory api)
{
    private const string OtherClientId = "other-product";
    private const string OtherRedirectUri = "https://localhost/other-product/callback";

    /// <summary>
    /// Products are registered from configuration (Sso:Products) only: a client that reached
    /// OpenIddict's store some other way, even allowed the portal's scope, gets no code. A token
    /// the provider issues to a configured product is refused by the portal API in
    /// <see cref="Products.ProductTokenTests"/>.
    /// </summary>
    [Fact]
    [Trait("ASVS", "4.1.3")]
    [Trait("ASVS", "3.5.3")]
    public async Task A_client_that_is_not_a_configured_product_gets_no_token()
    {
        await RegisterOtherClientAsync();
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);
        await browser.SignInAsync(user);
        var client = new ProductClient(browser, api, OtherClientId, secret: null, OtherRedirectUri, SsoDriver.Scopes);

        // The same browser, signed in, opens the unconfigured client.
        var (callback, _) = await client.AuthorizeAsync();

        Assert.StartsWith(OtherRedirectUri, callback.ToString());
        Assert.Contains("error=unauthorized_client", callback.Query, StringComparison.Ordinal);
        Assert.Null(SsoDriver.CodeIn(callback));
    }

    [Fact]
    [Trait("ASVS", "4.1.3")]
    public async Task A_correctly_signed_token_naming_another_client_in_client_id_or_azp_is_refused()
    {
        var (sub, sid) = await SessionAsync();

        await AssertAcceptedAsync(api, TestTokens.Create(api.Services, SessionClaims(sub, sid), issuer: SsoApiFactory.Issuer));
        await AssertRefusedAsync(api, TestTokens.Create(api.Services, SessionClaims(sub, sid), issuer: SsoApiFactory.Issuer, clientId: OtherClientId));
        await AssertRefusedAsync(api, TestTokens.Create(api.Services, SessionClaims(sub, sid), issuer: SsoApiFactory.Issuer, clientId: null));
        await AssertRefusedAsync(api, TestTokens.Create(api.Services, [.. SessionClaims(sub, sid), new("azp", OtherClientId)], issuer: SsoApiFactory.Issuer, clientId: null));
        // An allowed client_id does not excuse a foreign azp.
        await AssertRefusedAsync(api, TestTokens.Create(api.Services, [.. SessionClaims(sub, sid), new("azp", OtherClientId)], issuer: SsoApiFactory.Issuer));
    }

    [Fact]
    [Trait("ASVS", "3.5.3")]
    public async Task An_id_token_presented_as_an_access_token_is_refused()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);
        var tokens = await browser.SignInAsync(user);
        var (sub, sid) = await SessionAsync();

        Assert.Equal(HttpStatusCode.OK, (await browser.GetMeAsync(tokens.AccessToken)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetMeAsync(tokens.IdentityToken)).Status);
        // Everything an access token has (audience, scope, client, session), but typed as a plain JWT, as an ID token is.
        await AssertAcceptedAsync(api, TestTokens.Create(api.Services, SessionClaims(sub, sid), issuer: SsoApiFactory.Issuer));
        await AssertRefusedAsync(api, TestTokens.Create(api.Services, SessionClaims(sub, sid), issuer: SsoApiFactory.Issuer, type: "JWT"));
        await AssertRefusedAsync(api, TestTokens.Create(api.Services, SessionClaims(sub, sid), issuer: SsoApiFactory.Issuer, type: null));
    }

    [Fact]
    [Trait("ASVS", "4.1.3")]
    public async Task A_token_without_the_portal_api_scope_is_refused()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);
        var portalTokens = await browser.SignInAsync(user);
        var (sub, sid) = await SessionAsync();

        // The portal's own client, asking for less: the provider still names the portal API as audience.
        var narrow = await SignInSilentlyAsync(browser, SsoDriver.ClientId, browser.RedirectUri, "openid profile email");

        Assert.Equal(HttpStatusCode.OK, (await browser.GetMeAsync(portalTokens.AccessToken)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetMeAsync(narrow.AccessToken)).Status);
        await AssertRefusedAsync(api, TestTokens.Create(api.Services, SessionClaims(sub, sid), issuer: SsoApiFactory.Issuer, scope: "openid profile email"));
        await AssertRefusedAsync(api, TestTokens.Create(api.Services, SessionClaims(sub, sid), issuer: SsoApiFactory.Issuer, scope: null));
        await AssertRefusedAsync(api, TestTokens.Create(api.Services, SessionClaims(sub, sid), issuer: SsoApiFactory.Issuer, scope: "portal-api-admin"));
    }

    [Fact]
    [Trait("ASVS", "3.3.1")]
    public async Task Userinfo_refuses_a_token_whose_session_was_logged_out()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);
        var tokens = await browser.SignInAsync(user);
        var before = await UserInfoAsync(browser, tokens.AccessToken);

        var logout = await browser.LogoutAsync();
        var after = await UserInfoAsync(browser, tokens.AccessToken);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Contains(user.Email, await before.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Contains("invalid_token", after.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    [Trait("ASVS", "3.3.1")]
    public async Task Userinfo_refuses_a_token_of_a_session_ended_elsewhere_under_fifty_parallel_requests()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);
        var tokens = await browser.SignInAsync(user);
        var sid = new JsonWebTokenHandler().ReadJsonWebToken(tokens.AccessToken).GetClaim("sid").Value;
        Assert.Equal(HttpStatusCode.OK, (await UserInfoAsync(browser, tokens.AccessToken)).StatusCode);

        // A password reset or an admin ends the session; fifty requests already on their way arrive after.
        await api.Services.GetRequiredService<SsoSessionStore>().RevokeAsync(user.AccountId!, sid);
        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => UserInfoAsync(browser, tokens.AccessToken)));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode));
    }

    private async Task RegisterOtherClientAsync()
    {
        await using var scope = api.Services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        if (await applications.FindByClientIdAsync(OtherClientId) is not null)
        {
            return;
        }

        // Registered exactly as the portal is, allowed even the portal's scope, but not configured.
        await applications.CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = OtherClientId,
            ClientType = ClientTypes.Public,
            ConsentType = ConsentTypes.Implicit,
            RedirectUris = { new Uri(OtherRedirectUri) },
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Email,
                Permissions.Scopes.Profile,
                Permissions.Prefixes.Scope + "portal-api",
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        });
    }

    /// <summary>An OIDC client of its own on this browser's SSO session: authorize answers with a code at once.</summary>
    private Task<LoginResult> SignInSilentlyAsync(SsoDriver browser, string clientId, string redirectUri, string scopes) =>
        new ProductClient(browser, api, clientId, secret: null, redirectUri, scopes).SignInAsync();

    private static async Task<HttpResponseMessage> UserInfoAsync(SsoDriver browser, string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/connect/userinfo");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await browser.Http.SendAsync(request);
    }

    private async Task<(string Sub, string Sid)> SessionAsync()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        var (session, _) = await api.Services.GetRequiredService<SsoSessionStore>().CreateAsync(user.AccountId!, ["pwd", "mfa", "otp"], legacy: false);
        return (user.AccountId!, session.Id);
    }
}
