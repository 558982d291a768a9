using System.Net;
using Api.Sso.Throttling;

namespace Api.Tests.Security;

/// <summary>
/// The two sides of the parallel limit tests: fifty requests at once against one account, and the
/// owner's browser (signed in before, so it carries the trusted-device cookie) that must keep working.
/// </summary>
internal static class ParallelAttack
{
    public const int Parallel = 50;

    /// <summary>The one answer every wrong or held-back sign-in attempt gets, whatever the reason.</summary>
    public const string WrongCredentials = "The e-mail or password is incorrect.";

    public static async Task<SsoDriver> SignedInOwnerAsync(SsoApiFactory api, TestUser user)
    {
        var owner = new SsoDriver(api);
        await owner.SignInAsync(user);
        Assert.Contains(owner.Cookies.GetAllCookies(), c => c.Name == TrustedDevices.CookieName);
        return owner;
    }

    /// <summary>A fresh browser (no SSO session) that carries only the owner's device cookie.</summary>
    public static SsoDriver BrowserWithDeviceCookieOf(SsoApiFactory api, SsoDriver owner, string? clientIp = null)
    {
        var browser = new SsoDriver(api, clientIp);
        var device = owner.Cookies.GetAllCookies().Single(c => c.Name == TrustedDevices.CookieName);
        browser.Cookies.Add(new Cookie(device.Name, device.Value, "/", "localhost") { Secure = true, HttpOnly = true });
        return browser;
    }
}
