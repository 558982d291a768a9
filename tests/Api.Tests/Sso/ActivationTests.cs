using System.Net;

namespace Api.Tests.Sso;

/// <summary>A migrated user's first sign-in: the activation mail, its resend limit, and a link that works once and expires.</summary>
[Collection(SsoCollection.Name)]
public sealed class ActivationTests(SsoApiFactory api)
{
    [Fact]
    public async Task First_login_of_a_migrated_user_asks_to_activate_and_sends_the_activation_mail()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.MigratedPending);
        using var browser = new SsoDriver(api);
        Assert.Empty(await Mailbox.MessagesAsync(api.Services, user.Email));

        await browser.StartAsync(user.Email);
        var answer = await browser.PasswordAsync(user.Password);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("activate", answer.Step);
        Assert.DoesNotContain(answer.SetCookies, c => c.StartsWith("__Host-sso=", StringComparison.Ordinal));
        var mail = Assert.Single(await Mailbox.WaitForAsync(api.Services, user.Email, "activation"));
        Assert.Equal("Activate your email account", mail.Subject);
        Assert.NotEmpty(Mailbox.TokenIn(mail, "activate"));
    }

    [Fact]
    public async Task Resend_sends_another_activation_mail_and_stops_after_three()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.MigratedPending);
        using var browser = new SsoDriver(api);
        await browser.StartAsync(user.Email);
        Assert.Equal("activate", (await browser.PasswordAsync(user.Password)).Step);

        Assert.Equal(HttpStatusCode.Accepted, (await browser.ResendActivationAsync()).Status);
        Assert.Equal(2, (await Mailbox.WaitForAsync(api.Services, user.Email, "activation", 2)).Count);
        Assert.Equal(HttpStatusCode.Accepted, (await browser.ResendActivationAsync()).Status);
        var tooMany = await browser.ResendActivationAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, tooMany.Status);
        Assert.False(string.IsNullOrWhiteSpace(tooMany.Detail));
        Assert.Equal(3, (await Mailbox.MessagesAsync(api.Services, user.Email, "activation")).Count);
    }

    [Fact]
    [Trait("ASVS", "2.5.6")]
    public async Task An_activation_link_works_once_and_then_the_user_enrolls()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.MigratedPending);
        using var browser = new SsoDriver(api);
        await browser.StartAsync(user.Email);
        await browser.PasswordAsync(user.Password);
        var token = Mailbox.TokenIn((await Mailbox.WaitForAsync(api.Services, user.Email, "activation"))[0], "activate");

        var first = await browser.ActivateAsync(token);
        var second = await browser.ActivateAsync(token);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(user.Email, first.String("email"));
        Assert.Equal(HttpStatusCode.BadRequest, second.Status);
        Assert.True(second.IsProblem, second.ToString());
        Assert.Contains("expired or has already been used", second.Detail);

        // Back to the portal, Log in with Single Sign-On again: now the authenticator is next.
        using var again = new SsoDriver(api);
        await again.StartAsync(user.Email);
        Assert.Equal("enroll", (await again.PasswordAsync(user.Password)).Step);
    }

    [Fact]
    public async Task An_expired_activation_link_is_refused()
    {
        var user = await SsoUsers.CreateAsync(api.Services, SsoUserState.MigratedPending);
        using var browser = new SsoDriver(api);
        await browser.StartAsync(user.Email);
        await browser.PasswordAsync(user.Password);
        var token = Mailbox.TokenIn((await Mailbox.WaitForAsync(api.Services, user.Email, "activation"))[0], "activate");
        await Mailbox.ExpireLinksAsync(api.Services, user.AccountId!);

        var answer = await browser.ActivateAsync(token);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("expired or has already been used", answer.Detail);
        using var again = new SsoDriver(api);
        await again.StartAsync(user.Email);
        Assert.Equal("activate", (await again.PasswordAsync(user.Password)).Step);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("00000000000000000000000000000000.secret")]
    public async Task A_forged_activation_link_is_refused(string token)
    {
        using var browser = new SsoDriver(api);
        var answer = await browser.ActivateAsync(token);
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.True(answer.IsProblem, answer.ToString());
    }
}
