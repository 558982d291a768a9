using System.Net;
using System.Text.Json;
using Api.Sso.Accounts;
using Api.Sso.Sessions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Api.Tests.Sso.Products;

/// <summary>
/// Issue 10, single logout: whatever ends an SSO session, each product the session signed in to
/// (and only those) receives one signed OIDC Back-Channel Logout token for it, on a real socket.
/// </summary>
[Collection(ProductsCollection.Name)]
public sealed class BackChannelLogoutTests(ProductsApiFactory api)
{
    private const string LogoutEvent = "http://schemas.openid.net/event/backchannel-logout";

    [Fact]
    public async Task Logging_out_tells_the_product_the_session_signed_in_to_and_no_other()
    {
        var (browser, user, sid) = await SignedInToPortalAndRmmAsync();

        Assert.Equal(HttpStatusCode.Redirect, (await browser.LogoutAsync()).StatusCode);

        await AssertToldOnceAsync(user, sid);
    }

    [Fact]
    public async Task Disabling_the_account_tells_the_product()
    {
        var (_, user, sid) = await SignedInToPortalAndRmmAsync();

        await using (var scope = api.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<AccountAdministration>().DisableAsync(user.AccountId!));
        }

        await AssertToldOnceAsync(user, sid);
    }

    [Fact]
    public async Task A_password_reset_tells_the_product()
    {
        var (browser, user, sid) = await SignedInToPortalAndRmmAsync();

        await browser.ForgotPasswordAsync(user.Email);
        var mail = Assert.Single(await Mailbox.WaitForAsync(api.Services, user.Email, "password-reset"));
        var reset = await browser.ResetPasswordAsync(Mailbox.TokenIn(mail, "reset-password"), "A-new-and-long-passphrase-42");
        Assert.Equal(HttpStatusCode.NoContent, reset.Status);

        await AssertToldOnceAsync(user, sid);
    }

    [Fact]
    public async Task Fifty_parallel_ends_of_one_session_tell_each_product_once()
    {
        var (browser, user, sid) = await SignedInToPortalAndRmmAsync();
        var cookie = browser.Cookies.GetAllCookies().Single(c => c.Name == SsoSessionStore.CookieName).Value;
        var sessions = api.Services.GetRequiredService<SsoSessionStore>();

        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => (i % 3) switch
        {
            0 => sessions.RevokeAsync(user.AccountId!, sid, cookie),
            1 => sessions.RevokeAllAsync(user.AccountId!),
            _ => sessions.RevokeAllExceptAsync(user.AccountId!, "another-session"),
        }));

        await AssertToldOnceAsync(user, sid);
    }

    /// <summary>An enrolled user signed in to the portal (no back-channel URI) and then the RMM console, in one browser: one SSO session.</summary>
    private async Task<(SsoDriver Browser, TestUser User, string Sid)> SignedInToPortalAndRmmAsync()
    {
        var user = await ProductUsers.RmmTechnicianAsync(api.Services);
        var browser = new SsoDriver(api);
        var portal = await browser.SignInAsync(user);
        var rmm = await ProductClient.Rmm(browser, api).SignInAsync();
        var sid = new JsonWebToken(portal.AccessToken).GetPayloadValue<string>("sid");
        Assert.Equal(sid, new JsonWebToken(rmm.IdentityToken).GetPayloadValue<string>("sid"));
        return (browser, user, sid);
    }

    /// <summary>
    /// The RMM console received exactly one valid logout token for the session, and the other
    /// product (never signed in to by it) none. "Exactly one": a later session end, told to both
    /// products, arrives after anything this session's end could have sent.
    /// </summary>
    private async Task AssertToldOnceAsync(TestUser user, string sid)
    {
        var received = await api.Receiver.WaitForAsync(ProductsApiFactory.Rmm, sid);
        await BarrierAsync();

        Assert.Single(api.Receiver.For(ProductsApiFactory.Rmm, sid));
        Assert.Empty(api.Receiver.For(ProductsApiFactory.Other, sid));
        Assert.StartsWith("application/x-www-form-urlencoded", received.ContentType, StringComparison.Ordinal);
        await AssertValidLogoutTokenAsync(received.LogoutToken, user, sid);
    }

    private async Task BarrierAsync()
    {
        var sessions = api.Services.GetRequiredService<SsoSessionStore>();
        var (marker, _) = await sessions.CreateAsync($"barrier-{Guid.NewGuid():N}", ["pwd"], legacy: false);
        await sessions.RecordProductAsync(marker.Subject, marker.Id, ProductsApiFactory.Rmm);
        await sessions.RecordProductAsync(marker.Subject, marker.Id, ProductsApiFactory.Other);
        await sessions.RevokeAsync(marker.Subject, marker.Id);
        await api.Receiver.WaitForAsync(ProductsApiFactory.Rmm, marker.Id);
        await api.Receiver.WaitForAsync(ProductsApiFactory.Other, marker.Id);
    }

    /// <summary>As a product checks it (OIDC Back-Channel Logout 1.0, 2.6), against the provider's published JWKS.</summary>
    private async Task AssertValidLogoutTokenAsync(string logoutToken, TestUser user, string sid)
    {
        using var browser = new SsoDriver(api);
        var jwks = new JsonWebKeySet(await browser.Http.GetStringAsync("/.well-known/jwks"));
        var validation = await new JsonWebTokenHandler().ValidateTokenAsync(logoutToken, new TokenValidationParameters
        {
            ValidIssuer = SsoApiFactory.Issuer,
            ValidAudience = ProductsApiFactory.Rmm,
            IssuerSigningKeys = jwks.GetSigningKeys(),
            ValidTypes = ["logout+jwt"],
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        });
        Assert.True(validation.IsValid, validation.Exception?.Message);

        var token = (JsonWebToken)validation.SecurityToken;
        Assert.Equal(user.AccountId, token.Subject);
        Assert.Equal(sid, token.GetPayloadValue<string>("sid"));
        Assert.False(string.IsNullOrEmpty(token.Id));
        Assert.False(token.TryGetPayloadValue<string>("nonce", out _));
        Assert.Equal(TimeSpan.FromMinutes(2), token.ValidTo - token.IssuedAt);
        using var events = JsonDocument.Parse(token.GetPayloadValue<JsonElement>("events").GetRawText());
        Assert.True(events.RootElement.TryGetProperty(LogoutEvent, out var logoutEvent));
        Assert.Equal(JsonValueKind.Object, logoutEvent.ValueKind);
    }
}
