using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Benchmarks.Flows;

/// <summary>The tokens the portal SPA ends up with.</summary>
public sealed record TokenSet(string AccessToken, string IdToken, int ExpiresIn, string? RefreshToken = null);

/// <summary>A step of the flow answered something a browser would not have got.</summary>
public sealed class FlowException(string message) : Exception(message);

/// <summary>
/// One browser signing in to the portal SPA over real HTTP, exactly as the SPA and its
/// oidc-client-ts do (WebClient/src/auth/userManager.ts): the sign-in screen's steps
/// (start → password → MFA code), then authorize with code + PKCE S256 to the registered
/// redirect URI and the code redeemed at the token endpoint; later, silent renewal
/// (authorize with prompt=none carried by the SSO cookie). The client must not follow
/// redirects or keep cookies itself (<see cref="CreateHttpClient"/>); this class keeps them.
/// </summary>
public sealed partial class SsoFlowClient(HttpClient http)
{
    public const string ClientId = "portal-spa";
    public const string Scopes = "openid profile email portal-api";
    public const string SessionCookie = "__Host-sso";

    private readonly CookieJar cookies = new();
    private readonly Uri issuer = http.BaseAddress ?? throw new ArgumentException("The HttpClient needs the issuer as its BaseAddress.", nameof(http));

    /// <summary>An HttpClient for many flow clients at once: no redirects, no cookie container, one connection pool.</summary>
    public static HttpClient CreateHttpClient(Uri issuer) =>
        new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = issuer,
            Timeout = TimeSpan.FromSeconds(60),
        };

    public bool HasSession => cookies.Has(SessionCookie);

    /// <summary>The whole sign-in of a user with no session yet; afterwards this client holds the SSO cookie.</summary>
    public Task<TokenSet> SignInAsync(BenchUser user, CancellationToken cancellationToken) =>
        SignInAsync(user, AuthenticatorCodes.System.TryNext(user)
            ?? throw new FlowException($"{user.Email} has used every authenticator step the Api accepts now; wait 30 s or use another user."),
            cancellationToken);

    /// <summary>The same with a code of the user's authenticator chosen by the caller (<see cref="AuthenticatorCodes"/>).</summary>
    public async Task<TokenSet> SignInAsync(BenchUser user, string authenticatorCode, CancellationToken cancellationToken)
    {
        var pkce = Pkce.Create();
        var authorize = AuthorizeUrl(pkce, "portal/callback", silent: false);

        var next = await PostStepAsync("api/sso/login/start", new { email = user.Email, returnUrl = authorize }, cancellationToken);
        Expect("start", next, "password");
        next = await PostStepAsync("api/sso/login/password", new { password = user.Password }, cancellationToken);
        Expect("password", next, "mfa");
        next = await PostStepAsync("api/sso/login/mfa", new { code = authenticatorCode }, cancellationToken);
        Expect("mfa", next, "done");

        // The sign-in screen sends the browser back to where it came from: the authorize request.
        return await AuthorizeAndRedeemAsync(next.GetProperty("redirectUrl").GetString() ?? authorize, pkce, "portal/callback", cancellationToken);
    }

    /// <summary>Silent renewal: authorize with prompt=none (the SSO cookie is the only credential), then the code for tokens.</summary>
    public Task<TokenSet> RenewAsync(CancellationToken cancellationToken)
    {
        var pkce = Pkce.Create();
        return AuthorizeAndRedeemAsync(AuthorizeUrl(pkce, "portal/silent-callback", silent: true), pkce, "portal/silent-callback", cancellationToken);
    }

    private string AuthorizeUrl(Pkce pkce, string redirectPath, bool silent, string scope = Scopes)
    {
        var query = new Dictionary<string, string>
        {
            ["client_id"] = ClientId,
            ["redirect_uri"] = new Uri(issuer, redirectPath).ToString(),
            ["response_type"] = "code",
            ["scope"] = scope,
            ["state"] = Pkce.Base64Url(Guid.NewGuid().ToByteArray()),
            ["nonce"] = Pkce.Base64Url(Guid.NewGuid().ToByteArray()),
            ["code_challenge"] = pkce.Challenge,
            ["code_challenge_method"] = "S256",
        };
        if (silent)
        {
            query["prompt"] = "none";
        }

        return "/connect/authorize?" + string.Join('&', query.Select(pair => $"{pair.Key}={Uri.EscapeDataString(pair.Value)}"));
    }

    private async Task<TokenSet> AuthorizeAndRedeemAsync(string authorizeUrl, Pkce pkce, string redirectPath, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, authorizeUrl.TrimStart('/'));
        cookies.AddTo(request);
        using var response = await http.SendAsync(request, cancellationToken);
        cookies.Take(response);
        var location = response.Headers.Location;
        if (response.StatusCode != HttpStatusCode.Redirect || location is null)
        {
            throw await UnexpectedAsync("authorize", response, cancellationToken);
        }

        var parameters = ParseQuery(new Uri(issuer, location).Query);
        if (!parameters.TryGetValue("code", out var code))
        {
            throw new FlowException($"authorize: redirected without a code to {location}");
        }

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = ClientId,
            ["code"] = code,
            ["redirect_uri"] = new Uri(issuer, redirectPath).ToString(),
            ["code_verifier"] = pkce.Verifier,
        });
        using var token = await http.PostAsync("connect/token", form, cancellationToken);
        if (token.StatusCode != HttpStatusCode.OK)
        {
            throw await UnexpectedAsync("token", token, cancellationToken);
        }

        using var json = await JsonDocument.ParseAsync(await token.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        var root = json.RootElement;
        return new TokenSet(
            root.GetProperty("access_token").GetString()!,
            root.GetProperty("id_token").GetString()!,
            root.TryGetProperty("expires_in", out var expires) ? expires.GetInt32() : 0,
            root.TryGetProperty("refresh_token", out var refresh) ? refresh.GetString() : null);
    }

    private async Task<JsonElement> PostStepAsync(string path, object body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        cookies.AddTo(request);
        using var response = await http.SendAsync(request, cancellationToken);
        cookies.Take(response);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw await UnexpectedAsync(path, response, cancellationToken);
        }

        return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
    }

    private static void Expect(string step, JsonElement answer, string nextStep)
    {
        var actual = answer.GetProperty("step").GetString();
        if (actual != nextStep)
        {
            throw new FlowException($"{step}: expected the next step '{nextStep}', got '{actual}'.");
        }
    }

    private static async Task<FlowException> UnexpectedAsync(string step, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var where = response.Headers.Location is { } location ? $" → {location}" : "";
        return new FlowException($"{step}: {(int)response.StatusCode}{where} {body[..Math.Min(body.Length, 300)]}");
    }

    private static Dictionary<string, string> ParseQuery(string query) =>
        query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => Uri.UnescapeDataString(pair[0]), pair => pair.Length > 1 ? Uri.UnescapeDataString(pair[1].Replace('+', ' ')) : "");
}
