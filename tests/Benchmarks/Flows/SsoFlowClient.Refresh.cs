using System.Net;
using System.Text.Json;

namespace Benchmarks.Flows;

// The portal's refresh tokens: a page load's silent sign-in asking offline_access starts a chain,
// then each refresh grant rotates it (WebClient/src/auth/userManager.ts, oidc-client-ts).
public sealed partial class SsoFlowClient
{
    public const string OfflineScopes = Scopes + " offline_access";

    private string? refreshToken;

    /// <summary>A page load: silent sign-in with offline_access; this client then holds a refresh token of its own family.</summary>
    public async Task<TokenSet> StartRefreshChainAsync(CancellationToken cancellationToken)
    {
        var pkce = Pkce.Create();
        var tokens = await AuthorizeAndRedeemAsync(AuthorizeUrl(pkce, "portal/silent-callback", silent: true, OfflineScopes), pkce, "portal/silent-callback", cancellationToken);
        refreshToken = tokens.RefreshToken ?? throw new FlowException("token: no refresh_token for offline_access");
        return tokens;
    }

    /// <summary>One refresh grant with the newest refresh token; keeps the rotated one.</summary>
    public async Task<TokenSet> RefreshAsync(CancellationToken cancellationToken)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = ClientId,
            ["refresh_token"] = refreshToken ?? throw new InvalidOperationException("Call StartRefreshChainAsync first."),
        });
        using var token = await http.PostAsync("connect/token", form, cancellationToken);
        if (token.StatusCode != HttpStatusCode.OK)
        {
            throw await UnexpectedAsync("refresh", token, cancellationToken);
        }

        using var json = await JsonDocument.ParseAsync(await token.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        var root = json.RootElement;
        refreshToken = root.GetProperty("refresh_token").GetString();
        return new TokenSet(
            root.GetProperty("access_token").GetString()!,
            root.TryGetProperty("id_token", out var id) ? id.GetString()! : "",
            root.TryGetProperty("expires_in", out var expires) ? expires.GetInt32() : 0,
            refreshToken);
    }
}
