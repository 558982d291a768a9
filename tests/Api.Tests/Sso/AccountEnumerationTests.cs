using System.Net;

namespace Api.Tests.Sso;

/// <summary>No answer of the sign-in screen tells whether an e-mail is registered, or that an account is locked.</summary>
[Collection(SsoCollection.Name)]
public sealed class AccountEnumerationTests(SsoApiFactory api)
{
    [Fact]
    public async Task Start_answers_the_same_for_a_registered_and_an_unregistered_email()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        using var known = new SsoDriver(api);
        using var unknown = new SsoDriver(api);

        var a = await known.StartAsync(user.Email, "/portal");
        var b = await unknown.StartAsync(SsoUsers.UnknownEmail(), "/portal");

        Assert.Equal(HttpStatusCode.OK, a.Status);
        Assert.Equal(HttpStatusCode.OK, b.Status);
        Assert.Equal("password", a.Step);
        // The body only echoes the e-mail typed; apart from that it is byte for byte the same.
        Assert.Equal(a.BodyWithout("email"), b.BodyWithout("email"));
        Assert.Equal(a.MediaType, b.MediaType);
        Assert.Contains(a.SetCookies, c => c.StartsWith("__Host-sso-login=", StringComparison.Ordinal));
        Assert.Contains(b.SetCookies, c => c.StartsWith("__Host-sso-login=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Wrong_password_unknown_email_and_locked_account_get_the_same_answer()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        var locked = await SsoUsers.CreateAsync(api.Services, SsoUserState.Enrolled);
        for (var i = 0; i < 5; i++)
        {
            using var attacker = new SsoDriver(api);
            await attacker.StartAsync(locked.Email);
            Assert.Equal(HttpStatusCode.BadRequest, (await attacker.PasswordAsync("not-the-password-" + i)).Status);
        }

        using var one = new SsoDriver(api);
        using var two = new SsoDriver(api);
        using var three = new SsoDriver(api);
        await one.StartAsync(user.Email);
        await two.StartAsync(SsoUsers.UnknownEmail());
        await three.StartAsync(locked.Email);
        var wrongPassword = await one.PasswordAsync("not-the-password");
        var unknownEmail = await two.PasswordAsync("not-the-password");
        var lockedAccount = await three.PasswordAsync(locked.Password);

        foreach (var answer in new[] { wrongPassword, unknownEmail, lockedAccount })
        {
            Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
            Assert.True(answer.IsProblem, answer.ToString());
            Assert.Equal(Journeys.WrongCredentials, answer.Detail);
        }

        Assert.Equal(wrongPassword.BodyWithout("traceId"), unknownEmail.BodyWithout("traceId"));
        Assert.Equal(wrongPassword.BodyWithout("traceId"), lockedAccount.BodyWithout("traceId"));
    }
}
