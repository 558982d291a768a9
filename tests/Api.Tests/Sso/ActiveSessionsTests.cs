using System.Net;
using System.Text.Json.Nodes;
using Api.Sso.Sessions;

namespace Api.Tests.Sso;

/// <summary>Users see where they are signed in and end their other sessions, and only their own.</summary>
[Collection(SsoCollection.Name)]
public sealed class ActiveSessionsTests(SsoApiFactory api)
{
    private const string WindowsChrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36";
    private const string AndroidFirefox = "Mozilla/5.0 (Android 14; Mobile; rv:131.0) Gecko/131.0 Firefox/131.0";

    [Fact]
    [Trait("ASVS", "3.3.4")]
    public async Task A_user_with_two_browsers_sees_both_sessions_the_current_one_marked()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var laptop = Browser(WindowsChrome);
        using var phone = Browser(AndroidFirefox);
        var laptopToken = (await laptop.SignInAsync(user)).AccessToken;
        await phone.SignInAsync(user);

        var list = await laptop.SendAsync(HttpMethod.Get, "/api/sso/sessions", laptopToken);

        Assert.Equal(HttpStatusCode.OK, list.Status);
        var sessions = Sessions(list);
        Assert.Equal(2, sessions.Count);
        var current = Assert.Single(sessions, s => s["current"]!.GetValue<bool>());
        Assert.Equal("Chrome on Windows", current["device"]!.GetValue<string>());
        var other = Assert.Single(sessions, s => !s["current"]!.GetValue<bool>());
        Assert.Equal("Firefox on Android", other["device"]!.GetValue<string>());
        // Where from, masked to the /48: never the full address.
        Assert.EndsWith("::/48", other["network"]!.GetValue<string>());
        Assert.DoesNotContain(phone.ClientIp, list.Body);
        Assert.NotNull(other["lastSeenAt"]);
        Assert.Equal("no-store", list.Raw.Headers.CacheControl?.ToString());
    }

    [Fact]
    [Trait("ASVS", "3.3.4")]
    public async Task Ending_the_other_session_makes_its_token_fail_at_once_and_keeps_this_one()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var laptop = Browser(WindowsChrome);
        using var phone = Browser(AndroidFirefox);
        var laptopToken = (await laptop.SignInAsync(user)).AccessToken;
        var phoneToken = (await phone.SignInAsync(user)).AccessToken;
        var phoneSession = OtherSessionId(await laptop.SendAsync(HttpMethod.Get, "/api/sso/sessions", laptopToken));

        var ended = await laptop.SendAsync(HttpMethod.Delete, $"/api/sso/sessions/{phoneSession}", laptopToken);

        Assert.Equal(HttpStatusCode.NoContent, ended.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetMeAsync(phoneToken)).Status);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetMeAsync(laptopToken)).Status);
        // The phone's SSO cookie no longer signs it in silently either.
        await phone.PrepareSignInAsync();
        Assert.Null(SsoDriver.CodeIn(await phone.AuthorizeAsync(phone.AuthorizeState!.StartUrl)));
        var own = Assert.Single(Sessions(await laptop.SendAsync(HttpMethod.Get, "/api/sso/sessions", laptopToken)));
        // The session in use is ended with Log out, not from this list.
        var endOwn = await laptop.SendAsync(HttpMethod.Delete, $"/api/sso/sessions/{own["id"]}", laptopToken);
        Assert.Equal(HttpStatusCode.BadRequest, endOwn.Status);
        Assert.Equal(EndAnotherSession.IsCurrent, endOwn.Detail);
    }

    [Fact]
    [Trait("ASVS", "3.3.3")]
    public async Task Sign_out_everywhere_else_ends_every_other_session_and_keeps_this_one()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var laptop = Browser(WindowsChrome);
        using var phone = Browser(AndroidFirefox);
        using var tablet = Browser(AndroidFirefox);
        var laptopToken = (await laptop.SignInAsync(user)).AccessToken;
        var phoneToken = (await phone.SignInAsync(user)).AccessToken;
        var tabletToken = (await tablet.SignInAsync(user)).AccessToken;

        var answer = await laptop.SendAsync(HttpMethod.Post, "/api/sso/sessions/end-others", laptopToken);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(2, answer.Json!["ended"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetMeAsync(phoneToken)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await tablet.GetMeAsync(tabletToken)).Status);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetMeAsync(laptopToken)).Status);
    }

    [Fact]
    [Trait("ASVS", "4.2.1")]
    public async Task A_user_can_neither_see_nor_end_another_users_session()
    {
        var victim = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        var attacker = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var victimBrowser = Browser(WindowsChrome);
        using var attackerBrowser = Browser(AndroidFirefox);
        var victimToken = (await victimBrowser.SignInAsync(victim)).AccessToken;
        var attackerToken = (await attackerBrowser.SignInAsync(attacker)).AccessToken;
        var victimSession = Sessions(await victimBrowser.SendAsync(HttpMethod.Get, "/api/sso/sessions", victimToken))[0]["id"]!.GetValue<string>();

        var attempt = await attackerBrowser.SendAsync(HttpMethod.Delete, $"/api/sso/sessions/{victimSession}", attackerToken);
        var attackerList = await attackerBrowser.SendAsync(HttpMethod.Get, "/api/sso/sessions", attackerToken);

        // The same answer as for a session that has ended: nothing tells the id exists.
        Assert.Equal(HttpStatusCode.NotFound, attempt.Status);
        Assert.Equal(EndAnotherSession.AlreadyEnded, attempt.Detail);
        Assert.Equal(HttpStatusCode.OK, (await victimBrowser.GetMeAsync(victimToken)).Status);
        Assert.DoesNotContain(victimSession, attackerList.Body);
        Assert.Equal(HttpStatusCode.Unauthorized, (await attackerBrowser.SendAsync(HttpMethod.Get, "/api/sso/sessions", null)).Status);
    }

    private SsoDriver Browser(string userAgent)
    {
        var browser = new SsoDriver(api);
        browser.Http.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        return browser;
    }

    private static List<JsonObject> Sessions(SsoResponse list) =>
        [.. list.Json!["sessions"]!.AsArray().Select(s => s!.AsObject())];

    private static string OtherSessionId(SsoResponse list) =>
        Sessions(list).Single(s => !s["current"]!.GetValue<bool>())["id"]!.GetValue<string>();
}
