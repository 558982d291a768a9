using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Api.Tests.Support;

// The Api as the portal SPA calls it after sign-in: the access token as a Bearer header, no cookies needed.
public sealed partial class SsoDriver
{
    public Task<SsoResponse> GetMeAsync(string accessToken) => SendAsync(HttpMethod.Get, "/api/portal/me", accessToken);

    /// <summary>Edit Profile's Change Password (legacy users).</summary>
    public Task<SsoResponse> ChangePasswordAsync(string accessToken, string currentPassword, string newPassword) =>
        SendAsync(HttpMethod.Post, "/api/portal/me/password", accessToken, JsonContent.Create(new { currentPassword, newPassword }));

    /// <summary>Any call of the Api, with <paramref name="accessToken"/> as the Bearer token (none when null).</summary>
    public async Task<SsoResponse> SendAsync(HttpMethod method, string path, string? accessToken, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        return await SsoResponse.ReadAsync(await Http.SendAsync(request));
    }
}
