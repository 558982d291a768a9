using Microsoft.AspNetCore.WebUtilities;

namespace Api.Tests.Support;

// Logging out at the provider's end-session endpoint, as the portal SPA does.
public sealed partial class SsoDriver
{
    /// <summary>
    /// End-session as the portal's Log out calls it (oidc-client-ts <c>signoutRedirect</c>): the ID
    /// token of the last sign-in as <c>id_token_hint</c> (or, without one, the client id) and the
    /// registered <c>post_logout_redirect_uri</c>, with this browser's cookies.
    /// </summary>
    public async Task<HttpResponseMessage> LogoutAsync()
    {
        var (name, value) = IdentityToken is null ? ("client_id", ClientId) : ("id_token_hint", IdentityToken);
        return await Http.GetAsync(LogoutUrl(new() { [name] = value, ["post_logout_redirect_uri"] = Origin.ToString() }));
    }

    /// <summary>The end-session URL with exactly these parameters.</summary>
    public static string LogoutUrl(Dictionary<string, string?> parameters) => QueryHelpers.AddQueryString("/connect/logout", parameters);
}
