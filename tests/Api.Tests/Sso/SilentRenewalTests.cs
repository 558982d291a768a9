using System.Net;
using Api.Data;
using Api.Sso.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Api.Tests.Sso;

/// <summary>
/// The portal's silent renewal (authorize with prompt=none and the SSO cookie, then code + PKCE
/// at the token endpoint), made cheap without loosening it: each code is redeemed once even by
/// fifty requests at once, only with its verifier, and never after the session has ended.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class SilentRenewalTests(SsoApiFactory api)
{
    private const int Parallel = 50;

    // A well-formed S256 challenge; these renewals must fail before any code exists to redeem.
    private static readonly string AnyChallenge = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(new byte[32]);

    [Fact]
    public async Task Renewals_give_working_tokens_and_share_one_standing_authorization()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);
        await browser.SignInAsync(user);

        for (var i = 0; i < 3; i++)
        {
            var renewal = await browser.RenewalCodeAsync();
            var tokens = await browser.RedeemCodeAsync(renewal.Code, renewal.Verifier);
            Assert.Equal(HttpStatusCode.OK, tokens.StatusCode);
            var me = await browser.GetMeAsync(await AccessTokenInAsync(tokens));
            Assert.Equal(HttpStatusCode.OK, me.Status);
            Assert.Equal(user.DisplayName, me.String("name"));
        }

        // One authorization row for the sign-in and every renewal, not one per code.
        Assert.Equal(1, await AuthorizationRowsAsync(user.AccountId!));
    }

    [Fact]
    public async Task Fifty_parallel_redemptions_of_one_renewal_code_give_exactly_one_token()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);
        await browser.SignInAsync(user);
        var renewal = await browser.RenewalCodeAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(_ => browser.RedeemCodeAsync(renewal.Code, renewal.Verifier)));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.BadRequest, a.StatusCode));
        // The replay revoked the standing authorization; the browser's next renewal starts a new one.
        var next = await browser.RenewalCodeAsync();
        Assert.Equal(HttpStatusCode.OK, (await browser.RedeemCodeAsync(next.Code, next.Verifier)).StatusCode);
    }

    [Fact]
    public async Task A_renewal_code_is_redeemed_only_with_its_pkce_verifier()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);
        await browser.SignInAsync(user);
        var renewal = await browser.RenewalCodeAsync();
        var other = await browser.RenewalCodeAsync();

        var withoutVerifier = await browser.RedeemCodeAsync(renewal.Code, null);
        var withAnotherVerifier = await browser.RedeemCodeAsync(renewal.Code, other.Verifier);

        Assert.Equal(HttpStatusCode.BadRequest, withoutVerifier.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withAnotherVerifier.StatusCode);
        Assert.Contains("invalid_grant", await withAnotherVerifier.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_session_ended_elsewhere_cannot_renew()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);
        var tokens = await browser.SignInAsync(user);
        var sid = new JsonWebTokenHandler().ReadJsonWebToken(tokens.AccessToken).GetClaim("sid").Value;
        await browser.RenewalCodeAsync();

        // "Sign out everywhere" from another device, or an administrator: the session is gone.
        await api.Services.GetRequiredService<SsoSessionStore>().RevokeAsync(user.AccountId!, sid);
        var callback = await browser.SilentAuthorizeAsync(AnyChallenge);

        Assert.Contains("error=login_required", callback.Query);
        Assert.Null(SsoDriver.CodeIn(callback));
    }

    [Fact]
    public async Task After_logout_the_browser_cannot_renew()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);
        await browser.SignInAsync(user);

        await browser.LogoutAsync();
        var callback = await browser.SilentAuthorizeAsync(AnyChallenge);

        Assert.Contains("error=login_required", callback.Query);
    }

    private static async Task<string> AccessTokenInAsync(HttpResponseMessage tokens) =>
        System.Text.Json.JsonDocument.Parse(await tokens.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString()!;

    private async Task<int> AuthorizationRowsAsync(string subject)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Database.SqlQuery<int>($"SELECT COUNT(*) AS \"Value\" FROM \"OpenIddictAuthorizations\" WHERE \"Subject\" = {subject}").SingleAsync();
    }
}
