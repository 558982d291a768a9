using System.Net;
using System.Text.Json;
using Api.Hosting;
using Api.Shared;

namespace Api.Tests.Sso.Products;

/// <summary>
/// Issue 10: products are clients of the SSO as configured; a browser signed in to the portal
/// gets into another product with no prompt, and each product's tokens are for its own API with
/// its own roles only.
/// </summary>
[Collection(ProductsCollection.Name)]
public sealed class ProductTokenTests(ProductsApiFactory api)
{
    [Fact]
    public async Task A_browser_signed_in_to_the_portal_gets_into_the_RMM_console_without_a_prompt_with_only_RMM_roles()
    {
        var user = await ProductUsers.RmmTechnicianAsync(api.Services);
        using var browser = new SsoDriver(api);
        await browser.SignInAsync(user);

        var rmm = await ProductClient.Rmm(browser, api).SignInAsync();

        Assert.Equal(["rmm-api"], ProductClient.AudiencesIn(rmm.AccessToken));
        Assert.Equal([ProductRoles.RmmTechnician], ProductClient.RolesIn(rmm.AccessToken));
        Assert.Equal([ProductRoles.RmmTechnician], ProductClient.RolesIn(rmm.IdentityToken));
        Assert.Equal(user.DisplayName, rmm.User.FindFirst("name")?.Value);
    }

    [Fact]
    public async Task An_RMM_console_token_is_refused_by_the_portal_api()
    {
        var user = await ProductUsers.RmmTechnicianAsync(api.Services);
        using var browser = new SsoDriver(api);
        var portal = await browser.SignInAsync(user);
        var rmm = await ProductClient.Rmm(browser, api).SignInAsync();

        var refused = await browser.GetMeAsync(rmm.AccessToken);
        var control = await browser.GetMeAsync(portal.AccessToken);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
        Assert.True(refused.IsProblem, refused.ToString());
        Assert.Equal(HttpStatusCode.OK, control.Status);
    }

    [Fact]
    public async Task A_portal_token_carries_the_portal_roles_and_no_other_products_roles()
    {
        var user = await ProductUsers.WithRolesAsync(api.Services, ProductRoles.RmmAdmin, ProductRoles.RmmTechnician);
        using var browser = new SsoDriver(api);

        var portal = await browser.SignInAsync(user);

        Assert.Equal(["portal-api"], ProductClient.AudiencesIn(portal.AccessToken));
        Assert.Equal([ProductRoles.PortalEndUser], ProductClient.RolesIn(portal.AccessToken));
        Assert.Equal([ProductRoles.PortalEndUser], ProductClient.RolesIn(portal.IdentityToken));
    }

    [Fact]
    public async Task A_wrong_client_secret_is_refused_at_the_token_endpoint()
    {
        var user = await ProductUsers.RmmTechnicianAsync(api.Services);
        using var browser = new SsoDriver(api);
        await browser.SignInAsync(user);
        var impostor = ProductClient.Rmm(browser, api, secret: "not-the-secret-of-the-rmm-console-0123456789");

        var (callback, state) = await impostor.AuthorizeAsync();
        var result = await impostor.RedeemAsync(callback, state);

        // The token endpoint answers 401 invalid_client; the client reports "Error redeeming code: Unauthorized / …".
        Assert.True(result.IsError);
        Assert.Contains("Unauthorized", result.Error, StringComparison.Ordinal);
        Assert.Null(result.AccessToken);
    }

    [Fact]
    public async Task A_product_cannot_ask_for_another_products_API()
    {
        var user = await ProductUsers.RmmTechnicianAsync(api.Services);
        using var browser = new SsoDriver(api);
        await browser.SignInAsync(user);

        var state = await ProductClient.Rmm(browser, api, scope: "openid profile portal-api").PrepareAsync();
        var answer = await browser.Http.GetAsync(state.StartUrl);

        // Refused on the spot (no code travels anywhere), as a readable problem.
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Null(answer.Headers.Location);
    }

    [Fact]
    public async Task Discovery_advertises_back_channel_logout_with_sessions()
    {
        using var browser = new SsoDriver(api);

        using var discovery = JsonDocument.Parse(await browser.Http.GetStringAsync("/.well-known/openid-configuration"));

        Assert.True(discovery.RootElement.GetProperty("backchannel_logout_supported").GetBoolean());
        Assert.True(discovery.RootElement.GetProperty("backchannel_logout_session_supported").GetBoolean());
    }
}
