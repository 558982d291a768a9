using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.Tokens;

namespace Api.Tests.Support;

/// <summary>A code + PKCE silent renewal as the portal's hidden iframe makes it: authorize with prompt=none, then the token endpoint.</summary>
public sealed record RenewalCode(string Code, string Verifier);

// The portal's silent renewal, by hand so that a test can redeem one code many times or with
// the wrong verifier (the OIDC client would refuse to).
public sealed partial class SsoDriver
{
    /// <summary>Authorize with <c>prompt=none</c> and this browser's SSO cookie; returns where the provider sends the hidden frame.</summary>
    public async Task<Uri> SilentAuthorizeAsync(string codeChallenge)
    {
        var response = await Http.GetAsync(SilentAuthorizeUrl(codeChallenge, ClientId, RedirectUri, Scopes));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return LocationOf(response)!;
    }

    /// <summary>The authorize URL of a silent sign-in (<c>prompt=none</c>, code + PKCE S256) for any product and scopes.</summary>
    public static string SilentAuthorizeUrl(string codeChallenge, string clientId, string redirectUri, string scope) =>
        QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = clientId,
            ["redirect_uri"] = redirectUri,
            ["response_type"] = "code",
            ["scope"] = scope,
            ["state"] = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16)),
            ["code_challenge"] = codeChallenge,
            ["code_challenge_method"] = "S256",
            ["prompt"] = "none",
        });

    /// <summary>A silent renewal's code (asserted) and the PKCE verifier that redeems it.</summary>
    public async Task<RenewalCode> RenewalCodeAsync()
    {
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var callback = await SilentAuthorizeAsync(Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
        var code = CodeIn(callback);
        Assert.True(code is not null, $"a silent renewal should give a code, got {callback}");
        return new RenewalCode(code, verifier);
    }

    /// <summary>POST /connect/token with the code and, unless null, the verifier.</summary>
    public async Task<HttpResponseMessage> RedeemCodeAsync(string code, string? verifier)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = ClientId,
            ["code"] = code,
            ["redirect_uri"] = RedirectUri,
        };
        if (verifier is not null)
        {
            form["code_verifier"] = verifier;
        }

        using var content = new FormUrlEncodedContent(form);
        return await Http.PostAsync("/connect/token", content);
    }
}
