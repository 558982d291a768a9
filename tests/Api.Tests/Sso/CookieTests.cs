using System.Net;
using Microsoft.Net.Http.Headers;

namespace Api.Tests.Sso;

/// <summary>The SSO's cookies: __Host- prefixed, Secure, HttpOnly, SameSite, Path=/, no Domain.</summary>
[Collection(SsoCollection.Name)]
public sealed class CookieTests(SsoApiFactory api)
{
    [Fact]
    [Trait("ASVS", "3.4.1")]
    [Trait("ASVS", "3.4.2")]
    [Trait("ASVS", "3.4.3")]
    [Trait("ASVS", "3.4.4")]
    [Trait("ASVS", "3.4.5")]
    public async Task The_session_cookie_set_after_mfa_is_host_prefixed_secure_httponly_and_lax()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);
        await browser.LoginToMfaAsync(user);

        var done = await browser.MfaAsync(user.NextCode());

        var cookie = Cookie(done, "__Host-sso");
        Assert.True(cookie.Secure, "Secure");
        Assert.True(cookie.HttpOnly, "HttpOnly");
        Assert.Equal(SameSiteMode.Lax, cookie.SameSite);
        Assert.Equal("/", cookie.Path.ToString());
        Assert.True(cookie.Domain.Length == 0, "a __Host- cookie has no Domain");
        Assert.True(cookie.Value.Length >= 32, "the session secret is long and random");
        // The login transaction is over: its cookie is removed.
        var login = Cookie(done, "__Host-sso-login");
        Assert.True(login.Expires < DateTimeOffset.UtcNow || login.MaxAge <= TimeSpan.Zero || login.Value.Length == 0, "the login cookie should be deleted");
    }

    [Fact]
    [Trait("ASVS", "3.4.1")]
    [Trait("ASVS", "3.4.2")]
    [Trait("ASVS", "3.4.3")]
    [Trait("ASVS", "3.4.4")]
    public async Task The_login_transaction_cookie_is_host_prefixed_secure_and_httponly()
    {
        using var browser = new SsoDriver(api);

        var start = await browser.StartAsync(SsoUsers.UnknownEmail());

        var cookie = Cookie(start, "__Host-sso-login");
        Assert.True(cookie.Secure, "Secure");
        Assert.True(cookie.HttpOnly, "HttpOnly");
        Assert.Equal("/", cookie.Path.ToString());
        Assert.True(cookie.Domain.Length == 0, "a __Host- cookie has no Domain");
        Assert.NotEqual(SameSiteMode.None, cookie.SameSite);
        Assert.NotEqual(SameSiteMode.Unspecified, cookie.SameSite);
        Assert.True(cookie.MaxAge is { } age && age <= TimeSpan.FromMinutes(15), "the login transaction is short-lived");
    }

    [Fact]
    [Trait("ASVS", "3.4.1")]
    [Trait("ASVS", "3.4.2")]
    [Trait("ASVS", "3.4.3")]
    [Trait("ASVS", "3.4.4")]
    [Trait("ASVS", "3.4.5")]
    public async Task The_legacy_session_cookie_has_the_same_attributes()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Legacy);
        using var browser = new SsoDriver(api);

        var login = await browser.LegacyLoginAsync(user.Email, user.Password);

        var cookie = Cookie(login, "__Host-sso");
        Assert.True(cookie.Secure && cookie.HttpOnly, "Secure and HttpOnly");
        Assert.Equal(SameSiteMode.Lax, cookie.SameSite);
        Assert.Equal("/", cookie.Path.ToString());
    }

    [Fact]
    [Trait("ASVS", "3.3.1")]
    public async Task Logout_deletes_the_session_cookie()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);
        await browser.SignInAsync(user);

        var response = await browser.LogoutAsync();

        var cookie = Cookie(await SsoResponse.ReadAsync(response), "__Host-sso");
        Assert.True(cookie.Value.Length == 0 || cookie.Expires < DateTimeOffset.UtcNow, "the session cookie should be cleared");
        Assert.True(cookie.Secure, "even the deleting cookie must be Secure, or browsers ignore a __Host- cookie");
    }

    private static SetCookieHeaderValue Cookie(SsoResponse response, string name)
    {
        var cookies = SetCookieHeaderValue.ParseList(response.SetCookies.ToList());
        var cookie = cookies.FirstOrDefault(c => c.Name == name);
        Assert.True(cookie is not null, $"no Set-Cookie {name} in {string.Join(" | ", response.SetCookies)} ({response})");
        return cookie;
    }
}
