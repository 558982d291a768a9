using System.Net;

namespace Api.Tests.Sso;

/// <summary>Failure budgets: five wrong answers lock an account (MFA codes count too), thirty hold back a client address.</summary>
[Collection(SsoCollection.Name)]
public sealed class LockoutTests(SsoApiFactory api)
{
    [Fact]
    [Trait("ASVS", "2.2.1")]
    public async Task After_five_wrong_passwords_the_right_password_is_refused_too()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        for (var i = 0; i < 5; i++)
        {
            using var attacker = new SsoDriver(api);
            await attacker.StartAsync(user.Email);
            Assert.Equal(Journeys.WrongCredentials, (await attacker.PasswordAsync("guess-number-" + i)).Detail);
        }

        // The real user, from another IP: the account itself is locked.
        using var browser = new SsoDriver(api);
        await browser.StartAsync(user.Email);
        var answer = await browser.PasswordAsync(user.Password);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(Journeys.WrongCredentials, answer.Detail);
    }

    [Fact]
    [Trait("ASVS", "2.2.1")]
    public async Task Four_wrong_passwords_do_not_lock_the_account()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        for (var i = 0; i < 4; i++)
        {
            using var attacker = new SsoDriver(api);
            await attacker.StartAsync(user.Email);
            await attacker.PasswordAsync("guess-number-" + i);
        }

        using var browser = new SsoDriver(api);
        await browser.StartAsync(user.Email);
        Assert.Equal("mfa", (await browser.PasswordAsync(user.Password)).Step);
    }

    [Fact]
    [Trait("ASVS", "2.2.1")]
    public async Task Wrong_mfa_codes_count_towards_the_lockout()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var attacker = new SsoDriver(api);
        await attacker.LoginToMfaAsync(user);
        var wrong = user.WrongCode();
        for (var i = 0; i < 5; i++)
        {
            var answer = await attacker.MfaAsync(wrong);
            Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
            Assert.Equal("The code is incorrect or has expired.", answer.Detail);
        }

        // Now even the right code is refused on that transaction …
        var rightCode = await attacker.MfaAsync(user.NextCode());
        Assert.Equal(HttpStatusCode.BadRequest, rightCode.Status);
        Assert.DoesNotContain(rightCode.SetCookies, c => c.StartsWith("__Host-sso=", StringComparison.Ordinal));

        // … and the right password on a new one, from another IP.
        using var browser = new SsoDriver(api);
        await browser.StartAsync(user.Email);
        var password = await browser.PasswordAsync(user.Password);
        Assert.Equal(HttpStatusCode.BadRequest, password.Status);
        Assert.Equal(Journeys.WrongCredentials, password.Detail);
    }

    [Fact]
    [Trait("ASVS", "2.2.1")]
    public async Task One_client_ip_is_held_back_after_30_failures_across_accounts()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        var ip = SsoDriver.NewClientIp();
        for (var i = 0; i < 30; i++)
        {
            // Many accounts, few tries each: no single account is locked.
            using var attacker = new SsoDriver(api, ip);
            await attacker.StartAsync(SsoUsers.UnknownEmail());
            Assert.Equal(HttpStatusCode.BadRequest, (await attacker.PasswordAsync("spray-" + i)).Status);
        }

        using var sameIp = new SsoDriver(api, ip);
        await sameIp.StartAsync(user.Email);
        var refused = await sameIp.PasswordAsync(user.Password);
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal(Journeys.WrongCredentials, refused.Detail);

        // The account itself is fine: from another IP the same password works.
        using var otherIp = new SsoDriver(api);
        await otherIp.StartAsync(user.Email);
        Assert.Equal("mfa", (await otherIp.PasswordAsync(user.Password)).Step);
    }
}
