using System.Net.Http.Json;
using System.IdentityModel.Tokens.Jwt;
using Api.Shared;

namespace Api.Tests.Sso.Products;

/// <summary>
/// Issue 20: a passkey is the SSO's, so every product gets it with no change of its own — the RMM
/// console's sign-in goes through the same screen and, with a passkey, skips password and code.
/// </summary>
[Collection(ProductsCollection.Name)]
public sealed class ProductPasskeyTests(ProductsApiFactory api)
{
    [Fact]
    public async Task The_RMM_console_signs_a_technician_in_with_their_passkey_alone_and_gets_its_own_roles()
    {
        var user = await ProductUsers.RmmTechnicianAsync(api.Services);
        using var passkey = new SoftwareAuthenticator();
        using (var portal = new SsoDriver(api))
        {
            // Added once in the portal's Edit Profile, right after a sign-in.
            var tokens = await portal.SignInAsync(user);
            var options = await portal.SendAsync(HttpMethod.Post, "/api/sso/passkeys/options", tokens.AccessToken);
            var added = await portal.SendAsync(HttpMethod.Post, "/api/sso/passkeys", tokens.AccessToken,
                JsonContent.Create(new { credential = passkey.Create(SsoDriver.PublicKeyOf(options)), name = "Laptop" }));
            Assert.Equal(System.Net.HttpStatusCode.Created, added.Status);
        }

        using var browser = new SsoDriver(api);
        var rmm = ProductClient.Rmm(browser, api);
        var (signInScreen, state) = await rmm.AuthorizeAsync();
        Assert.Equal("/sso/login", signInScreen.AbsolutePath);
        var returnUrl = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(signInScreen.Query)["returnUrl"].ToString();
        Assert.Equal("password", (await browser.StartAsync(user.Email, returnUrl)).Step);
        var request = await browser.PasskeySignInOptionsAsync(returnUrl);
        var done = await browser.SubmitPasskeyAsync(passkey.Get(SsoDriver.PublicKeyOf(request)));
        Assert.Equal("done", done.Step);

        var callback = await browser.AuthorizeAsync(state.StartUrl);
        var result = await rmm.RedeemAsync(callback, state);

        Assert.False(result.IsError, $"{result.Error} {result.ErrorDescription}");
        Assert.Equal([ProductRoles.RmmTechnician], ProductClient.RolesIn(result.AccessToken));
        var amr = new JwtSecurityTokenHandler().ReadJwtToken(result.IdentityToken).Claims.Where(c => c.Type == "amr").Select(c => c.Value).Order();
        Assert.Equal(["hwk", "mfa", "pop"], amr);
    }
}
