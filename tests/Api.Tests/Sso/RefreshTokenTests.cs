using System.Net;

namespace Api.Tests.Sso;

/// <summary>
/// The portal's refresh tokens (RFC 9700 §4.14): each use rotates it, a used one presented again
/// revokes its whole family (the newest token too), and of fifty parallel uses exactly one gets
/// tokens. A family is one page load's chain: the user's other tabs and devices keep theirs.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class RefreshTokenTests(SsoApiFactory api)
{
    private const int Parallel = 50;

    [Fact]
    public async Task A_refresh_grant_rotates_the_refresh_token_and_the_used_one_is_refused()
    {
        var (browser, first) = await SignedInAsync();

        var second = await browser.RefreshAsync(first.RefreshToken!);

        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.NotNull(second.RefreshToken);
        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetMeAsync(second.AccessToken!)).Status);
        // The sign-in's ID token stays the client's; a refresh signs no new one (OIDC Core 12.2).
        Assert.NotNull(first.IdToken);
        Assert.Null(second.IdToken);
        var third = await browser.RefreshAsync(second.RefreshToken!);
        Assert.Equal(HttpStatusCode.OK, third.Status);
        browser.Dispose();
    }

    [Fact]
    public async Task A_replayed_refresh_token_revokes_the_family_and_the_newest_token_stops_working()
    {
        var (browser, first) = await SignedInAsync();
        var otherTab = await browser.OfflineSignInAsync();
        var rotated = await browser.RefreshAsync(first.RefreshToken!);
        Assert.Equal(HttpStatusCode.OK, rotated.Status);

        // Someone who copied the first token uses it after the tab did.
        var replay = await browser.RefreshAsync(first.RefreshToken!);

        Assert.Equal(HttpStatusCode.BadRequest, replay.Status);
        Assert.Equal("invalid_grant", replay.Error);
        var newest = await browser.RefreshAsync(rotated.RefreshToken!);
        Assert.Equal(HttpStatusCode.BadRequest, newest.Status);
        Assert.Equal("invalid_grant", newest.Error);
        // Another tab's family, and the next page load's silent sign-in, are not touched.
        Assert.Equal(HttpStatusCode.OK, (await browser.RefreshAsync(otherTab.RefreshToken!)).Status);
        var reload = await browser.OfflineSignInAsync();
        Assert.Equal(HttpStatusCode.OK, (await browser.RefreshAsync(reload.RefreshToken!)).Status);
        browser.Dispose();
    }

    [Fact]
    public async Task Fifty_parallel_refreshes_with_one_token_give_exactly_one_answer_and_then_revoke_the_family()
    {
        var (browser, first) = await SignedInAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(_ => browser.RefreshAsync(first.RefreshToken!)));

        var winner = Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        Assert.All(answers.Where(a => a != winner), a => Assert.Equal("invalid_grant", a.Error));
        // The other 49 were replays of a used token: the family is revoked, the winner's new token with it.
        var afterwards = await browser.RefreshAsync(winner.RefreshToken!);
        Assert.Equal(HttpStatusCode.BadRequest, afterwards.Status);
        Assert.Equal("invalid_grant", afterwards.Error);
        // The tab recovers the way a reload does: a silent sign-in with its SSO cookie.
        var reload = await browser.OfflineSignInAsync();
        Assert.Equal(HttpStatusCode.OK, (await browser.RefreshAsync(reload.RefreshToken!)).Status);
        browser.Dispose();
    }

    [Fact]
    public async Task The_rmm_console_gets_no_refresh_token_and_may_not_ask_for_one()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);
        await browser.SignInAsync(user);
        const string rmmRedirect = "https://rmm.example/signin-oidc";

        var tokens = await browser.OfflineSignInAsync(RmmConsole.ClientId, rmmRedirect, "openid profile rmm-api", RmmConsole.ClientSecret);
        var asking = await browser.SilentCallbackAsync(RmmConsole.ClientId, rmmRedirect, "openid profile rmm-api offline_access");

        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        Assert.NotNull(tokens.AccessToken);
        Assert.Null(tokens.RefreshToken);
        // Refused by the provider itself: no code comes back to the console.
        Assert.True(asking.Callback is null || SsoDriver.CodeIn(asking.Callback) is null, $"asking for offline_access gave {asking.Callback}");
    }

    [Fact]
    public async Task The_portal_gets_no_refresh_token_unless_it_asks_for_offline_access()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);
        await browser.SignInAsync(user);

        var tokens = await browser.OfflineSignInAsync(scope: SsoDriver.Scopes);

        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        Assert.Null(tokens.RefreshToken);
    }

    /// <summary>A browser signed in to the SSO whose portal tab holds a refresh token (asserted).</summary>
    private async Task<(SsoDriver Browser, TokenAnswer Tokens)> SignedInAsync()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        var browser = new SsoDriver(api);
        await browser.SignInAsync(user);
        var tokens = await browser.OfflineSignInAsync();
        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        Assert.NotNull(tokens.RefreshToken);
        return (browser, tokens);
    }
}
