using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Api.Sso.Keys;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using static Api.Tests.Support.PortalApiProbe;

namespace Api.Tests.Sso;

/// <summary>
/// Forged signatures are refused: alg none, another RSA key, HS256 keyed with the public key in
/// any form an attacker could take from the JWKS. Each next to a control token with the same
/// claims that is accepted.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class TokenSignatureTests(SsoApiFactory api)
{
    private const string Issuer = SsoApiFactory.Issuer;

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

    private static string Encode(object value) => Base64UrlEncoder.Encode(JsonSerializer.SerializeToUtf8Bytes(value));

    private static string Sign(object header, object payload, Func<byte[], byte[]> signer)
    {
        var input = Encode(header) + "." + Encode(payload);
        return input + "." + Base64UrlEncoder.Encode(signer(Encoding.ASCII.GetBytes(input)));
    }

    /// <summary>A real session of a fresh user and a correctly minted token for it (must be accepted).</summary>
    private Task<(string Token, string Sid, string Sub)> SessionAsync() => ControlTokens.SessionAsync(api);
}
