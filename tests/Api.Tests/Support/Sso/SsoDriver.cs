using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Api.Tests.Support;

/// <summary>
/// One browser on the SSO: a cookie jar, no automatic redirects, https://localhost/ (the SSO's
/// cookies are <c>__Host-</c> and Secure, so they only travel over https), and a client IP of its
/// own (so per-IP throttling of one test never blocks another). The portal's side of the
/// protocol is played by an independent OpenID Connect client (Duende OidcClient, code + PKCE).
/// </summary>
/// <remarks>
/// The steps live in the other <c>SsoDriver.*.cs</c> files of this folder, one concern each:
/// the sign-in screen, the OIDC client, whole sign-ins, activation, password reset, the legacy
/// form, the portal API, logout and the client IP.
/// </remarks>
public sealed partial class SsoDriver : IDisposable
{
    private static readonly Uri DefaultOrigin = new("https://localhost/");

    private readonly WebApplicationFactory<Program> api;

    public SsoDriver(WebApplicationFactory<Program> api, string? clientIp = null, Uri? origin = null)
    {
        this.api = api;
        Origin = origin ?? DefaultOrigin;
        ClientIp = clientIp ?? NewClientIp();
        Http = api.CreateDefaultClient(Origin, new ClientIpHandler(ClientIp), new CookieContainerHandler(Cookies));
    }

    public Uri Origin { get; }

    public string ClientIp { get; }

    public CookieContainer Cookies { get; } = new();

    public HttpClient Http { get; }

    /// <summary>Where a redirect points, as an absolute URL (relative locations resolved against https://localhost/), or null.</summary>
    public static Uri? LocationOf(HttpResponseMessage response) =>
        response.Headers.Location is null ? null
        : response.Headers.Location.IsAbsoluteUri ? response.Headers.Location
        : new Uri(DefaultOrigin, response.Headers.Location);

    public async Task<SsoResponse> PostAsync(string path, object body) =>
        await SsoResponse.ReadAsync(await Http.PostAsJsonAsync(path, body));

    /// <summary>Posts a body exactly as given (malformed JSON, another media type), as no well-behaved client would.</summary>
    public async Task<SsoResponse> PostRawAsync(string path, string body, string mediaType = "application/json")
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, mediaType);
        return await SsoResponse.ReadAsync(await Http.PostAsync(path, content));
    }

    public void Dispose() => Http.Dispose();
}
