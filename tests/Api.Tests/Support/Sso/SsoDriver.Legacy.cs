using System.Net;

namespace Api.Tests.Support;

// The portal's own e-mail and password form, for users not yet migrated to SSO. Its session is an
// SSO session too, so the portal's OIDC sign-in afterwards completes without the sign-in screen.
public sealed partial class SsoDriver
{
    /// <summary>The portal's own (legacy) login form.</summary>
    public Task<SsoResponse> LegacyLoginAsync(string email, string password) =>
        PostAsync("/api/legacy/login", new { email, password });

    /// <summary>The portal's login form, then authorize (which sees the legacy session) and the token: the access token.</summary>
    public async Task<string> LegacySignInAsync(TestUser user)
    {
        Assert.Equal(HttpStatusCode.OK, (await LegacyLoginAsync(user.Email, user.Password)).Status);
        var state = await PrepareSignInAsync();
        var callback = await AuthorizeAsync(state.StartUrl);
        return (await RedeemAsync(callback)).AccessToken!;
    }
}
