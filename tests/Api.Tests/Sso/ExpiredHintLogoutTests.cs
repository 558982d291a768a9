using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using OpenIddict.Server;

namespace Api.Tests.Sso;

/// <summary>
/// ID tokens live five minutes, a portal tab for hours: Log out must still end the session with
/// the (expired) ID token the SPA holds, as RP-Initiated Logout says an OP should.
/// </summary>
public sealed class ExpiredHintLogoutTests(ExpiredHintLogoutTests.ExpiredIdTokensApi api) : IClassFixture<ExpiredHintLogoutTests.ExpiredIdTokensApi>
{
    [Fact]
    [Trait("ASVS", "3.3.1")]
    public async Task Logout_with_an_expired_id_token_hint_of_the_sessions_user_still_ends_the_session()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);
        await browser.BeginSignInAsync();
        await browser.LoginToMfaAsync(user);
        var callback = await browser.AuthorizeAsync((await browser.MfaAsync(user.NextCode())).RedirectUrl);
        // By hand: the OIDC client would (rightly) refuse an ID token that is already expired.
        var tokens = JsonDocument.Parse(await RedeemAsync(browser, SsoDriver.CodeIn(callback)!)).RootElement;
        var accessToken = tokens.GetProperty("access_token").GetString()!;
        var idToken = tokens.GetProperty("id_token").GetString()!;
        Assert.True(new JsonWebTokenHandler().ReadJsonWebToken(idToken).ValidTo < DateTime.UtcNow, "the ID token must have expired");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetMeAsync(accessToken)).Status);

        var logout = await browser.Http.GetAsync(SsoDriver.LogoutUrl(new()
        {
            ["id_token_hint"] = idToken,
            ["post_logout_redirect_uri"] = browser.Origin.ToString(),
        }));

        Assert.Equal(browser.Origin, SsoDriver.LocationOf(logout));
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetMeAsync(accessToken)).Status);
    }

    private static async Task<string> RedeemAsync(SsoDriver browser, string code)
    {
        var response = await browser.Http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = SsoDriver.ClientId,
            ["code"] = code,
            ["redirect_uri"] = browser.RedirectUri,
            ["code_verifier"] = browser.AuthorizeState!.CodeVerifier,
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The Api issuing ID tokens that expired ten minutes before they were issued: an old tab's token, without waiting.</summary>
    public sealed class ExpiredIdTokensApi : SsoApiFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
                services.Configure<OpenIddictServerOptions>(options => options.IdentityTokenLifetime = TimeSpan.FromMinutes(-10)));
        }
    }
}
