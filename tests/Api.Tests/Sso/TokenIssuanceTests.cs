using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Api.Sso.Keys;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Api.Tests.Sso;

/// <summary>
/// The real authorization-code flow: its tokens work and its ID token validates as any relying
/// party checks it; a code is redeemed once and only with its PKCE verifier; a signed-in browser
/// gets a new code without a prompt.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class TokenIssuanceTests(SsoApiFactory api)
{
    private const string Issuer = SsoApiFactory.Issuer;

    [Fact]
    public async Task A_token_from_the_real_flow_works_and_its_id_token_validates_against_the_jwks()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);
        // OidcClient 7 relies on PKCE and sends no nonce by itself; the SPA's client (oidc-client-ts) does.
        var nonce = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16));

        var tokens = await browser.SignInAsync(user, nonce: nonce);

        var me = await browser.GetMeAsync(tokens.AccessToken);
        Assert.Equal(HttpStatusCode.OK, me.Status);
        Assert.Equal(user.DisplayName, me.String("name"));
        Assert.Equal(user.Email, me.String("email"));
        Assert.Equal(user.ClientName, me.String("clientName"));
        Assert.Equal(user.PartnerName, me.String("partnerName"));

        // The ID token, checked as any relying party would: keys from discovery → jwks_uri.
        var discovery = JsonDocument.Parse(await browser.Http.GetStringAsync("/.well-known/openid-configuration")).RootElement;
        Assert.Equal(Issuer, discovery.GetProperty("issuer").GetString());
        Assert.Contains("S256", discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()));
        var jwks = new JsonWebKeySet(await browser.Http.GetStringAsync(discovery.GetProperty("jwks_uri").GetString()));
        Assert.All(jwks.Keys, key => Assert.True(string.IsNullOrEmpty(key.D) && string.IsNullOrEmpty(key.P), "the JWKS must not publish private key material"));

        var handler = new JsonWebTokenHandler();
        var idToken = await handler.ValidateTokenAsync(tokens.IdentityToken, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = SsoDriver.ClientId,
            IssuerSigningKeys = jwks.GetSigningKeys(),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = TimeSpan.FromSeconds(30),
        });
        Assert.True(idToken.IsValid, idToken.Exception?.Message);
        Assert.Equal(nonce, idToken.Claims["nonce"]);
        Assert.Equal(user.AccountId, idToken.Claims["sub"]);

        // The access token: for the Api, bound to the SSO session, with both factors.
        var access = handler.ReadJsonWebToken(tokens.AccessToken);
        Assert.Equal("RS256", access.Alg);
        Assert.Contains(TokenValidationExtensions.ApiAudience, access.Audiences);
        Assert.Equal(Issuer, access.Issuer);
        Assert.Equal(idToken.Claims["sid"], access.GetClaim("sid").Value);
        Assert.Contains("mfa", access.Claims.Where(c => c.Type == "amr").Select(c => c.Value));
        Assert.InRange(access.ValidTo - access.IssuedAt, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10));
    }

    [Fact]
    public async Task An_authorization_code_is_redeemed_once_and_only_with_its_pkce_verifier()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);
        await browser.BeginSignInAsync();
        await browser.LoginToMfaAsync(user);
        var done = await browser.MfaAsync(user.NextCode());
        var callback = await browser.AuthorizeAsync(done.RedirectUrl);
        var code = SsoDriver.CodeIn(callback)!;

        var verifier = browser.AuthorizeState!.CodeVerifier;
        // One character changed (never to itself: a verifier may well start with 'x').
        var wrongVerifier = await RedeemByHandAsync(browser, code, (verifier[0] == 'x' ? "y" : "x") + verifier[1..]);
        var noVerifier = await RedeemByHandAsync(browser, code, null);
        Assert.Equal(HttpStatusCode.BadRequest, wrongVerifier.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noVerifier.StatusCode);

        // OpenIddict revokes a code once a redemption was attempted with a wrong verifier, so
        // prove single use on a second, clean code.
        using var second = new SsoDriver(api);
        await second.BeginSignInAsync();
        await second.LoginToMfaAsync(user);
        var secondCallback = await second.AuthorizeAsync((await second.MfaAsync(user.NextCode())).RedirectUrl);
        var secondCode = SsoDriver.CodeIn(secondCallback)!;
        var once = await RedeemByHandAsync(second, secondCode, second.AuthorizeState!.CodeVerifier);
        var twice = await RedeemByHandAsync(second, secondCode, second.AuthorizeState!.CodeVerifier);
        Assert.Equal(HttpStatusCode.OK, once.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
    }

    [Fact]
    public async Task A_signed_in_browser_gets_a_new_code_silently()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);
        await browser.SignInAsync(user);

        // A page reload: signinSilent() with prompt=none, answered from the SSO session.
        await browser.PrepareSignInAsync(new Duende.IdentityModel.Client.Parameters { { "prompt", "none" } });
        var callback = await browser.AuthorizeAsync(browser.AuthorizeState!.StartUrl);
        var tokens = await browser.RedeemAsync(callback);

        Assert.Equal(HttpStatusCode.OK, (await browser.GetMeAsync(tokens.AccessToken)).Status);
    }

    private static async Task<HttpResponseMessage> RedeemByHandAsync(SsoDriver browser, string code, string? verifier)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = SsoDriver.ClientId,
            ["code"] = code,
            ["redirect_uri"] = browser.RedirectUri,
        };
        if (verifier is not null)
        {
            form["code_verifier"] = verifier;
        }

        return await browser.Http.PostAsync("/connect/token", new FormUrlEncodedContent(form));
    }
}
