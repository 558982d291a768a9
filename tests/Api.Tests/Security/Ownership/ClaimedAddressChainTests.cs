using System.Net;
using Api.Data;
using Api.Shared;
using Api.Mail;
using Api.Portal;
using Api.SsoMigration;
using Api.Tests.Admin;
using Api.Tests.Sso;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Security.Ownership;

/// <summary>
/// The three attacks of issue 17, each played to its end by a partner admin who has nothing but
/// their own sign-in: an address typed in Manage Users is a claim about someone, and must never
/// let the partner take over, lock out, or read the mail of an account it does not own. Every step
/// of the chain is tried whatever the previous step answered; the assertions are about what the
/// victim and the attacker can do at the end.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class ClaimedAddressChainTests(SsoApiFactory api)
{
    [Fact]
    [Trait("ASVS", "4.2.1")]
    public async Task Chain_1_typing_a_platform_operators_address_then_editing_resetting_and_forgetting_never_hands_over_the_account()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        await AdminCalls.MigrateClientAsync(api.Services, world.Clients[0]);
        var attacker = await world.StaffAsync();
        var victim = await PlatformAccounts.CreateAsync(api.Services, "operator", [ProductRoles.PlatformOperator]);
        var before = await AccountSnapshot.TakeAsync(api, victim.AccountId!);
        var attackersMailbox = AdminCalls.NewEmail();
        using var browser = new SsoDriver(api);

        var added = await attacker.PostAsync(browser, "/api/admin/end-users",
            new { clientId = world.Clients[0].Id, name = "Olga", email = victim.Email, role = EndUserRoles.EndUser });
        var id = added.String("id");
        await attacker.SendAsync(browser, HttpMethod.Put, $"/api/admin/end-users/{id}",
            new { clientId = world.Clients[0].Id, name = "Olga", email = attackersMailbox, role = EndUserRoles.EndUser });
        await attacker.PostAsync(browser, $"/api/admin/end-users/{id}/reset-mfa");
        await attacker.PostAsync(browser, $"/api/admin/end-users/{id}/unlock");
        await attacker.PostAsync(browser, $"/api/admin/end-users/{id}/resend-activation");
        await browser.ForgotPasswordAsync(attackersMailbox);
        var stolen = await AttackersLinksAsync(attackersMailbox);
        foreach (var token in stolen)
        {
            await browser.ResetPasswordAsync(token, Journeys.NewPassword);
        }

        // The attacker tries their mailbox with the password they set: it must not be anyone's account.
        using var attackersBrowser = new SsoDriver(api);
        await attackersBrowser.StartAsync(attackersMailbox);
        var signIn = await attackersBrowser.PasswordAsync(Journeys.NewPassword);

        Assert.Equal(HttpStatusCode.Created, added.Status);
        Assert.Empty(stolen);
        Assert.DoesNotContain(signIn.Step, new[] { "mfa", "enroll", "activate", "done" });
        Assert.Equal(before, await AccountSnapshot.TakeAsync(api, victim.AccountId!));
        await AccountSnapshot.AssertOwnerSignsInAsync(api, victim);
    }

    [Fact]
    [Trait("ASVS", "4.2.1")]
    public async Task Chain_2_typing_another_partners_admin_address_for_a_client_not_on_sso_never_locks_her_out_even_disabled_or_migrated()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var attacker = await world.StaffAsync();
        var othersWorld = await AdminWorld.CreateAsync(api.Services);
        var victim = await PlatformAccounts.CreateAsync(api.Services, "fiona", [ProductRoles.RmmAdmin], staffOf: othersWorld.Partner.Id);
        var before = await AccountSnapshot.TakeAsync(api, victim.AccountId!);
        using var browser = new SsoDriver(api);

        var added = await attacker.PostAsync(browser, "/api/admin/end-users",
            new { clientId = world.Clients[0].Id, name = "Fiona", email = victim.Email, role = EndUserRoles.EndUser });
        var id = Guid.Parse(added.String("id")!);
        await AccountSnapshot.AssertOwnerSignsInAsync(api, victim);
        var disabled = await attacker.PostAsync(browser, $"/api/admin/end-users/{id}/disable");
        await AccountSnapshot.AssertOwnerSignsInAsync(api, victim);
        // A later migration of that client must not link her account either.
        await using (var scope = api.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<EndUserMigrator>().MigrateAsync(id);
        }

        Assert.Equal(HttpStatusCode.Created, added.Status);
        Assert.Equal(HttpStatusCode.NoContent, disabled.Status);
        await AccountSnapshot.AssertOwnerSignsInAsync(api, victim);
        Assert.Equal(before with { Sessions = 0 }, (await AccountSnapshot.TakeAsync(api, victim.AccountId!)) with { Sessions = 0 });
        var row = await AdminCalls.EndUserAsync(api.Services, id);
        Assert.Null(row.SsoAccountId);
        Assert.False(row.MigratedToSso);
    }

    [Fact]
    [Trait("ASVS", "4.2.1")]
    public async Task Chain_3_typing_another_partners_support_address_shows_none_of_the_mail_sent_to_it()
    {
        var victimsWorld = await AdminWorld.CreateAsync(api.Services);
        var support = $"support-{Guid.NewGuid():N}@victim-msp.example";
        const string secretSubject = "New ticket T-0042 from Northwind Traders (High)";
        await using (var scope = api.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<Outbox>().Enqueue("ticket-opened", support,
                MailTemplate.Compose(secretSubject, "support team", "A ticket.", null, null, "Footer."));
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        }

        var world = await AdminWorld.CreateAsync(api.Services);
        var attacker = await world.StaffAsync();
        using var browser = new SsoDriver(api);
        var added = await attacker.PostAsync(browser, "/api/admin/end-users",
            new { clientId = world.Clients[0].Id, name = "Support", email = support, role = EndUserRoles.EndUser });
        var details = await attacker.GetAsync(browser, $"/api/admin/end-users/{added.String("id")}");

        Assert.Equal(HttpStatusCode.OK, details.Status);
        Assert.DoesNotContain(secretSubject, details.Body);
        // What the row's own add sent is there: the log works, it only stops at other people's mail.
        Assert.Contains("Choose your End User Portal password", details.Body);
        Assert.NotEqual(victimsWorld.Partner.Id, world.Partner.Id);
    }

    /// <summary>Reset links that reached the attacker's mailbox (Forgot Password works in the background: bounded wait).</summary>
    private async Task<List<string>> AttackersLinksAsync(string mailbox)
    {
        var until = DateTime.UtcNow.AddSeconds(2);
        List<OutboxMessage> resets;
        do
        {
            resets = await Mailbox.MessagesAsync(api.Services, mailbox, "password-reset");
            if (resets.Count > 0)
            {
                break;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < until);

        return [.. resets.Select(m => Mailbox.TokenIn(m, "reset-password"))];
    }
}
