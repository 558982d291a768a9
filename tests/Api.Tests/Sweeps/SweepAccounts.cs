using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Api.Tests.Sweeps;

/// <summary>
/// The users and sign-ins a sweep reuses across its rows, made once per test class on first use
/// (a real sign-in costs a password hash and a TOTP code; a theory has hundreds of rows).
/// </summary>
public sealed class SweepAccounts : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly List<SsoDriver> browsers = [];
    private TestUser? enrolled;
    private string? legacyToken;
    private string? liveToken;
    private string? endedToken;
    private SsoDriver? mfaPending;
    private SsoDriver? enrolmentPending;

    /// <summary>An enrolled, activated user: a sweep row starts a login transaction for it.</summary>
    public Task<TestUser> EnrolledUserAsync(WebApplicationFactory<Program> api) =>
        OnceAsync(() => enrolled, async () => enrolled = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled));

    /// <summary>A real access token of a not-yet-migrated user, from the legacy form and the OIDC flow.</summary>
    public Task<string> LegacyAccessTokenAsync(WebApplicationFactory<Program> api) => OnceAsync(() => legacyToken, async () =>
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Legacy);
        var browser = Keep(new SsoDriver(api));
        Assert.Equal(HttpStatusCode.OK, (await browser.LegacyLoginAsync(user.Email, user.Password)).Status);
        var state = await browser.PrepareSignInAsync();
        legacyToken = (await browser.RedeemAsync(await browser.AuthorizeAsync(state.StartUrl))).AccessToken;
    });

    /// <summary>A real access token of an enrolled user whose SSO session is alive (the control).</summary>
    public Task<string> LiveAccessTokenAsync(WebApplicationFactory<Program> api) => OnceAsync(() => liveToken, async () =>
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        liveToken = (await Keep(new SsoDriver(api)).SignInAsync(user)).AccessToken;
    });

    /// <summary>A real access token whose SSO session was ended by the portal's Log out (end-session).</summary>
    public Task<string> EndedSessionAccessTokenAsync(WebApplicationFactory<Program> api) => OnceAsync(() => endedToken, async () =>
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        var browser = Keep(new SsoDriver(api));
        var token = (await browser.SignInAsync(user)).AccessToken;
        Assert.Equal(HttpStatusCode.OK, (await browser.GetMeAsync(token)).Status);
        var logout = await browser.LogoutAsync();
        Assert.True((int)logout.StatusCode < 500, $"logout answered {(int)logout.StatusCode}");
        endedToken = token;
    });

    /// <summary>A browser that passed the password step of an enrolled user and stopped at "mfa".</summary>
    public Task<SsoDriver> MfaPendingBrowserAsync(WebApplicationFactory<Program> api) => OnceAsync(() => mfaPending, async () =>
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        var browser = Keep(new SsoDriver(api));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.BeginSignInAsync()).StatusCode);
        await browser.LoginToMfaAsync(user);
        mfaPending = browser;
    });

    /// <summary>A browser that passed the password step of an activated user without an authenticator and stopped at "enroll".</summary>
    public Task<SsoDriver> EnrolmentPendingBrowserAsync(WebApplicationFactory<Program> api) => OnceAsync(() => enrolmentPending, async () =>
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Activated);
        var browser = Keep(new SsoDriver(api));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.BeginSignInAsync()).StatusCode);
        Assert.Equal("password", (await browser.StartAsync(user.Email)).Step);
        Assert.Equal("enroll", (await browser.PasswordAsync(user.Password)).Step);
        enrolmentPending = browser;
    });

    public void Dispose()
    {
        foreach (var browser in browsers)
        {
            browser.Dispose();
        }

        gate.Dispose();
    }

    private SsoDriver Keep(SsoDriver browser)
    {
        browsers.Add(browser);
        return browser;
    }

    private async Task<T> OnceAsync<T>(Func<T?> current, Func<Task> make)
        where T : class
    {
        await gate.WaitAsync();
        try
        {
            if (current() is null)
            {
                await make();
            }

            return current()!;
        }
        finally
        {
            gate.Release();
        }
    }
}
