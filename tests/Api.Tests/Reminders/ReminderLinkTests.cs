using System.Net;
using Api.Sso.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Reminders;

/// <summary>A reminder's activation link is fresh: it works, and the links mailed before it no longer do.</summary>
[Collection(RemindersCollection.Name)]
public sealed class ReminderLinkTests(RemindersApiFactory api)
{
    [Fact]
    public async Task The_reminders_link_activates_and_the_earlier_activation_link_is_dead()
    {
        var world = await ReminderWorld.CreateAsync(api.Services);
        var user = await world.MovedUserAsync(SsoUserState.MigratedPending);
        using var browser = new SsoDriver(api);
        // The first sign-in sent the activation e-mail, which the user did not open.
        await browser.StartAsync(user.Email);
        Assert.Equal("activate", (await browser.PasswordAsync(user.Password)).Step);
        var earlier = Mailbox.TokenIn(Assert.Single(await Mailbox.WaitForAsync(api.Services, user.Email, "activation")), "activate");

        await world.PassAsync(days: 3.5);
        var fresh = Mailbox.TokenIn(Assert.Single(await world.RemindersOfAsync(user)), "activate");

        var old = await browser.ActivateAsync(earlier);
        Assert.Equal(HttpStatusCode.BadRequest, old.Status);
        Assert.Equal("This activation link has expired or has already been used. Sign in again to get a new one.", old.Detail);
        var activated = await browser.ActivateAsync(fresh);
        Assert.Equal(HttpStatusCode.OK, activated.Status);
        Assert.Equal(user.Email, activated.String("email"));
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.ActivateAsync(fresh)).Status);
    }

    [Fact]
    public async Task The_last_reminder_kills_the_first_reminders_link()
    {
        var world = await ReminderWorld.CreateAsync(api.Services);
        var user = await world.MovedUserAsync(SsoUserState.MigratedPending);
        await world.PassAsync(days: 3.5);
        await world.PassAsync(days: 7.5);
        var mails = await world.RemindersOfAsync(user);
        using var browser = new SsoDriver(api);

        Assert.Equal(HttpStatusCode.BadRequest, (await browser.ActivateAsync(Mailbox.TokenIn(mails[0], "activate"))).Status);
        Assert.Equal(HttpStatusCode.OK, (await browser.ActivateAsync(Mailbox.TokenIn(mails[1], "activate"))).Status);
    }

    [Fact]
    public async Task An_administrators_resend_kills_the_link_mailed_before()
    {
        var world = await ReminderWorld.CreateAsync(api.Services);
        var user = await world.MovedUserAsync(SsoUserState.MigratedPending);
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<AccountAdministration>();
            Assert.Equal(ActivationMail.Sent, await accounts.SendActivationAsync(user.AccountId!));
            Assert.Equal(ActivationMail.Sent, await accounts.SendActivationAsync(user.AccountId!));
        }

        var mails = await Mailbox.MessagesAsync(api.Services, user.Email, "activation");
        using var browser = new SsoDriver(api);

        Assert.Equal(2, mails.Count);
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.ActivateAsync(Mailbox.TokenIn(mails[0], "activate"))).Status);
        Assert.Equal(HttpStatusCode.OK, (await browser.ActivateAsync(Mailbox.TokenIn(mails[1], "activate"))).Status);
    }
}
