using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Api.Sso.Keys;
using Api.Sso.Sessions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using static Api.Tests.Support.PortalApiProbe;

namespace Api.Tests.Sso;

/// <summary>
/// Tokens from the real flow work; forged, foreign, expired or session-less ones do not. Each
/// negative case is checked next to a control token that differs only in the one property.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class TokenTests(SsoApiFactory api)
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
    public async Task An_authorize_request_without_pkce_is_refused()
    {
        var response = await AuthorizeWithAsync(query =>
        {
            query.Remove("code_challenge");
            query.Remove("code_challenge_method");
        });

        AssertRefusedAuthorize(response);
    }

    [Fact]
    public async Task An_authorize_request_with_plain_pkce_is_refused_only_s256_is_allowed()
    {
        using var browser = new SsoDriver(api);
        var discovery = JsonDocument.Parse(await browser.Http.GetStringAsync("/.well-known/openid-configuration")).RootElement;
        var advertised = discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()).ToList();

        // A downgrade: with "plain", the challenge is the verifier itself, so whoever sees the
        // authorize URL can redeem the code.
        var response = await AuthorizeWithAsync(query =>
        {
            query["code_challenge"] = new string('v', 50);
            query["code_challenge_method"] = "plain";
        });

        AssertRefusedAuthorize(response);
        Assert.Equal(["S256"], advertised);
    }

    [Fact]
    [Trait("ASVS", "5.1.5")]
    public async Task An_authorize_request_with_an_unregistered_redirect_uri_is_refused_without_redirecting_there()
    {
        var response = await AuthorizeWithAsync(query => query["redirect_uri"] = "https://evil.example/portal/callback");

        AssertRefusedAuthorize(response);
        Assert.NotEqual("evil.example", SsoDriver.LocationOf(response)?.Host);
    }

    [Fact]
    public async Task An_authorize_request_for_an_unknown_client_is_refused()
    {
        var response = await AuthorizeWithAsync(query => query["client_id"] = "some-other-client");

        AssertRefusedAuthorize(response);
    }

    [Fact]
    [Trait("ASVS", "3.5.3")]
    public async Task A_token_with_alg_none_is_refused()
    {
        var (control, claims) = await ControlTokenAsync();

        var unsigned = Encode(new { alg = "none", typ = "at+jwt" }) + "." + Encode(claims) + ".";

        await AssertAcceptedAsync(api, control);
        await AssertRefusedAsync(api, unsigned);
        await AssertRefusedAsync(api, Encode(new { alg = "None", typ = "at+jwt" }) + "." + Encode(claims) + ".");
    }

    [Fact]
    [Trait("ASVS", "3.5.3")]
    public async Task A_token_signed_with_another_rsa_key_is_refused()
    {
        var (control, claims) = await ControlTokenAsync();
        using var rsa = RSA.Create(2048);
        var realKid = new JsonWebTokenHandler().ReadJsonWebToken(control).Kid;

        var forged = Sign(new { alg = "RS256", typ = "at+jwt", kid = realKid }, claims,
            data => rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

        await AssertAcceptedAsync(api, control);
        await AssertRefusedAsync(api, forged);
    }

    [Theory]
    [Trait("ASVS", "3.5.3")]
    [InlineData("pem")]
    [InlineData("der")]
    [InlineData("modulus")]
    [InlineData("jwk")]
    public async Task An_hs256_token_signed_with_the_public_key_is_refused(string keyForm)
    {
        var (control, claims) = await ControlTokenAsync();
        var realKid = new JsonWebTokenHandler().ReadJsonWebToken(control).Kid;
        using var browser = new SsoDriver(api);
        // The attacker has only what is public: the JWKS.
        var discovery = JsonDocument.Parse(await browser.Http.GetStringAsync("/.well-known/openid-configuration")).RootElement;
        var jwks = new JsonWebKeySet(await browser.Http.GetStringAsync(discovery.GetProperty("jwks_uri").GetString()));
        var jwk = jwks.Keys.First(k => k.Kid == realKid);
        using var publicKey = RSA.Create(new RSAParameters { Modulus = Base64UrlEncoder.DecodeBytes(jwk.N), Exponent = Base64UrlEncoder.DecodeBytes(jwk.E) });
        var secret = keyForm switch
        {
            "pem" => Encoding.ASCII.GetBytes(publicKey.ExportSubjectPublicKeyInfoPem()),
            "der" => publicKey.ExportSubjectPublicKeyInfo(),
            "modulus" => Base64UrlEncoder.DecodeBytes(jwk.N),
            _ => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { kty = "RSA", n = jwk.N, e = jwk.E })),
        };

        var forged = Sign(new { alg = "HS256", typ = "at+jwt", kid = realKid }, claims, data => HMACSHA256.HashData(secret, data));

        await AssertAcceptedAsync(api, control);
        await AssertRefusedAsync(api, forged);
    }

    [Fact]
    [Trait("ASVS", "3.5.3")]
    public async Task A_token_for_another_audience_is_refused()
    {
        var (control, sid, sub) = await SessionAsync();
        await AssertAcceptedAsync(api, control);
        await AssertRefusedAsync(api, TestTokens.Create(api.Services, SessionClaims(sub, sid), issuer: Issuer, audience: "another-product-api"));
        await AssertRefusedAsync(api, TestTokens.Create(api.Services, SessionClaims(sub, sid), issuer: Issuer, audience: SsoDriver.ClientId));
    }

    [Fact]
    [Trait("ASVS", "3.5.3")]
    public async Task A_token_from_another_issuer_is_refused()
    {
        var (control, sid, sub) = await SessionAsync();
        await AssertAcceptedAsync(api, control);
        await AssertRefusedAsync(api, TestTokens.Create(api.Services, SessionClaims(sub, sid), issuer: "https://sso.evil.example/"));
        await AssertRefusedAsync(api, TestTokens.Create(api.Services, SessionClaims(sub, sid), issuer: "http://localhost/"));
    }

    [Fact]
    [Trait("ASVS", "3.5.3")]
    public async Task An_expired_token_is_refused()
    {
        var (control, sid, sub) = await SessionAsync();
        await AssertAcceptedAsync(api, control);
        await AssertRefusedAsync(api, TestTokens.Create(api.Services, SessionClaims(sub, sid), issuer: Issuer,
            notBefore: DateTime.UtcNow.AddMinutes(-20), lifetime: TimeSpan.FromMinutes(5)));
        // Not valid yet either.
        await AssertRefusedAsync(api, TestTokens.Create(api.Services, SessionClaims(sub, sid), issuer: Issuer,
            notBefore: DateTime.UtcNow.AddMinutes(10), lifetime: TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public async Task A_token_without_a_session_or_with_an_unknown_session_is_refused()
    {
        var (control, _, sub) = await SessionAsync();
        await AssertAcceptedAsync(api, control);
        await AssertRefusedAsync(api, TestTokens.Create(api.Services, [new Claim("sub", sub)], issuer: Issuer));
        await AssertRefusedAsync(api, TestTokens.Create(api.Services, SessionClaims(sub, "no-such-session"), issuer: Issuer));
    }

    [Fact]
    [Trait("ASVS", "3.3.1")]
    public async Task A_token_whose_session_was_logged_out_is_refused()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);
        var tokens = await browser.SignInAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetMeAsync(tokens.AccessToken)).Status);

        var logout = await browser.LogoutAsync();

        Assert.True((int)logout.StatusCode < 500, $"logout answered {(int)logout.StatusCode}");
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetMeAsync(tokens.AccessToken)).Status);
        // The browser is signed out of the SSO too: authorize sends it to the sign-in screen.
        await browser.PrepareSignInAsync();
        Assert.Equal("/sso/login", (await browser.AuthorizeAsync(browser.AuthorizeState!.StartUrl)).AbsolutePath);
    }

    [Fact]
    public async Task Logging_out_one_browser_leaves_the_users_other_browser_signed_in()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var laptop = new SsoDriver(api);
        using var phone = new SsoDriver(api);
        var laptopTokens = await laptop.SignInAsync(user);
        var phoneTokens = await phone.SignInAsync(user);

        await laptop.LogoutAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, (await laptop.GetMeAsync(laptopTokens.AccessToken)).Status);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetMeAsync(phoneTokens.AccessToken)).Status);
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

    /// <summary>A real session of a fresh user and a correctly minted token for it (must be accepted).</summary>
    private async Task<(string Token, string Sid, string Sub)> SessionAsync()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        var (session, _) = await api.Services.GetRequiredService<SsoSessionStore>().CreateAsync(user.AccountId!, ["pwd", "mfa", "otp"], legacy: false);
        return (TestTokens.Create(api.Services, SessionClaims(user.AccountId!, session.Id), issuer: Issuer), session.Id, user.AccountId!);
    }

    private async Task<(string Token, Dictionary<string, object> Claims)> ControlTokenAsync()
    {
        var (token, sid, sub) = await SessionAsync();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return (token, new Dictionary<string, object>
        {
            ["iss"] = Issuer,
            ["aud"] = TokenValidationExtensions.ApiAudience,
            ["sub"] = sub,
            ["sid"] = sid,
            ["client_id"] = TestTokens.PortalClient,
            ["scope"] = TestTokens.PortalScopes,
            ["iat"] = now,
            ["nbf"] = now,
            ["exp"] = now + 300,
        });
    }

    /// <summary>The OIDC client's authorize URL with one thing changed, sent by a browser without a session.</summary>
    private async Task<HttpResponseMessage> AuthorizeWithAsync(Action<Dictionary<string, string?>> change)
    {
        using var browser = new SsoDriver(api);
        var state = await browser.PrepareSignInAsync();
        var query = QueryHelpers.ParseQuery(new Uri(state.StartUrl).Query).ToDictionary(p => p.Key, p => (string?)p.Value.ToString());
        change(query);
        return await browser.Http.GetAsync(QueryHelpers.AddQueryString("/connect/authorize", query));
    }

    /// <summary>Refused by the provider itself: a 400, or an error sent to the (registered) redirect URI; never the sign-in screen.</summary>
    private static void AssertRefusedAuthorize(HttpResponseMessage response)
    {
        var location = SsoDriver.LocationOf(response);
        Assert.False(location is { AbsolutePath: "/sso/login" }, $"a refused request must not reach the sign-in screen: {location}");
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest || (location?.Query.Contains("error=") ?? false),
            $"{(int)response.StatusCode} {location}");
    }

    private static string Encode(object value) => Base64UrlEncoder.Encode(JsonSerializer.SerializeToUtf8Bytes(value));

    private static string Sign(object header, object payload, Func<byte[], byte[]> signer)
    {
        var input = Encode(header) + "." + Encode(payload);
        return input + "." + Base64UrlEncoder.Encode(signer(Encoding.ASCII.GetBytes(input)));
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
