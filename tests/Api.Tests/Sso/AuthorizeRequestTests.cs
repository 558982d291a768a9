using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace Api.Tests.Sso;

/// <summary>
/// The provider itself refuses an authorize request that lacks S256 PKCE, names an unregistered
/// redirect URI or an unknown client: never the sign-in screen, never a redirect to a stranger.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class AuthorizeRequestTests(SsoApiFactory api)
{
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
}
