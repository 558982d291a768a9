using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace Api.Tests.Support;

/// <summary>What the token endpoint answered: the status, the tokens (when 200) and the OAuth error (when not).</summary>
public sealed record TokenAnswer(HttpStatusCode Status, string? AccessToken, string? RefreshToken, string? IdToken, string? Error)
{
    public static async Task<TokenAnswer> ReadAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        string? Read(string name) => json.RootElement.TryGetProperty(name, out var value) ? value.GetString() : null;
        return new TokenAnswer(response.StatusCode, Read("access_token"), Read("refresh_token"), Read("id_token"), Read("error"));
    }
}

// The portal's refresh tokens, by hand: a page load's silent sign-in asking offline_access, then
// refresh grants, so that a test can replay a refresh token or send it fifty times at once.
public sealed partial class SsoDriver
{
    public const string OfflineScopes = Scopes + " offline_access";

    /// <summary>A page load's silent sign-in with offline_access (this browser must have an SSO session): the first tokens of a new family.</summary>
    public async Task<TokenAnswer> OfflineSignInAsync(string clientId = ClientId, string? redirectUri = null, string scope = OfflineScopes, string? clientSecret = null)
    {
        redirectUri ??= RedirectUri;
        var (callback, verifier) = await SilentCallbackAsync(clientId, redirectUri, scope);
        var code = callback is null ? null : CodeIn(callback);
        Assert.True(code is not null, $"a silent sign-in should give a code, got {callback}");
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = clientId,
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
            ["code_verifier"] = verifier,
        };
        if (clientSecret is not null)
        {
            form["client_secret"] = clientSecret;
        }

        return await PostTokenAsync(Http, form);
    }

    /// <summary>Authorize with prompt=none for any product and scopes: where the provider sends the browser (null: it answered itself), and the PKCE verifier.</summary>
    public async Task<(Uri? Callback, string Verifier)> SilentCallbackAsync(string clientId, string redirectUri, string scope)
    {
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var url = SilentAuthorizeUrl(Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))), clientId, redirectUri, scope);
        return (LocationOf(await Http.GetAsync(url)), verifier);
    }

    /// <summary>POST /connect/token with grant_type=refresh_token, as oidc-client-ts sends it (to another replica when given).</summary>
    public Task<TokenAnswer> RefreshAsync(string refreshToken, HttpClient? through = null) =>
        PostTokenAsync(through ?? Http, new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = ClientId,
            ["refresh_token"] = refreshToken,
        });

    private static async Task<TokenAnswer> PostTokenAsync(HttpClient http, Dictionary<string, string> form)
    {
        using var content = new FormUrlEncodedContent(form);
        return await TokenAnswer.ReadAsync(await http.PostAsync("/connect/token", content));
    }
}
