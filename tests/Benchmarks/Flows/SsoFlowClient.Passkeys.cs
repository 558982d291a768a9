using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Api.Tests.Support;

namespace Benchmarks.Flows;

// A passkey, as the portal's Edit Profile adds one and the sign-in screen uses it: the browser's
// WebAuthn calls are the software authenticator's, with the Api's origin and relying party id.
public sealed partial class SsoFlowClient
{
    private string Origin => issuer.GetLeftPart(UriPartial.Authority);

    /// <summary>Edit Profile → Add a passkey, with the access token of a sign-in of the last 5 minutes.</summary>
    public async Task RegisterPasskeyAsync(TokenSet tokens, SoftwareAuthenticator authenticator, CancellationToken cancellationToken)
    {
        var options = await SendWithTokenAsync(HttpMethod.Post, "api/sso/passkeys/options", tokens, new { }, cancellationToken);
        var credential = authenticator.Create(options["publicKey"]!, Origin, issuer.Host);
        await SendWithTokenAsync(HttpMethod.Post, "api/sso/passkeys", tokens, new { credential, name = "Bench passkey" }, cancellationToken);
    }

    /// <summary>A fresh browser: the e-mail, then the passkey in one step (no password, no code), then authorize → token.</summary>
    public async Task<TokenSet> SignInWithPasskeyAsync(BenchUser user, SoftwareAuthenticator authenticator, CancellationToken cancellationToken)
    {
        var pkce = Pkce.Create();
        var authorize = AuthorizeUrl(pkce, "portal/callback", silent: false);
        var next = await PostStepAsync("api/sso/login/start", new { email = user.Email, returnUrl = authorize }, cancellationToken);
        Expect("start", next, "password");
        var options = JsonNode.Parse((await PostStepAsync("api/sso/login/passkey/options", new { returnUrl = authorize }, cancellationToken)).GetRawText())!;
        var credential = authenticator.Get(options["publicKey"]!, Origin, issuer.Host);
        next = await PostStepAsync("api/sso/login/passkey", new { credential }, cancellationToken);
        Expect("passkey", next, "done");
        return await AuthorizeAndRedeemAsync(next.GetProperty("redirectUrl").GetString() ?? authorize, pkce, "portal/callback", cancellationToken);
    }

    private async Task<JsonNode> SendWithTokenAsync(HttpMethod method, string path, TokenSet tokens, object body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await UnexpectedAsync(path, response, cancellationToken);
        }

        return JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken)) ?? new JsonObject();
    }
}
