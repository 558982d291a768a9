using System.Net;
using Api.Audit;
using Api.Data;
using Api.Portal;
using Api.Portal.PasswordSetup;
using Api.Sso.Accounts;
using Api.Tests.Admin;
using Api.Tests.Sso;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Migration;

/// <summary>
/// Issue 17: a rollback gives back the portal password the user had before the batch, never a copy
/// of the SSO account's (which is the person's password for other products, behind MFA there; the
/// portal's form has none). A user who had no portal password chooses one from a set-password e-mail.
/// </summary>
[Collection(ExecutionCollection.Name)]
public sealed class RollbackPasswordTests(ExecutionApiFactory api)
{
    private const string OtherProduct = "other-product-user";
    private const string SsoPassword = "Other-Products-Password-42";

    [Fact]
    [Trait("ASVS", "2.4.1")]
    [Trait("ASVS", "2.5.1")]
    public async Task Rolled_back_users_get_their_portal_password_back_and_a_linked_user_not_the_sso_accounts()
    {
        var world = await ExecutionWorld.CreateAsync(api.Services, users: 2);
        var (migrated, linked) = (world.Users[0], world.Users[1]);
        await LinkToAnotherProductsAccountAsync(linked, world.Admin.Partner.Id);
        var hashesBefore = (await world.EndUsersAsync()).ToDictionary(pair => pair.Key, pair => pair.Value.LegacyPasswordHash);

        Assert.True(await world.Runner().RunOnceAsync(CancellationToken.None));
        // Kept on the result, cleared on the row, and shown nowhere.
        Assert.All(await world.ResultsAsync(), r => Assert.Equal(hashesBefore[r.EndUserId], r.LegacyPasswordHashBefore));
        Assert.All((await world.EndUsersAsync()).Values, u => Assert.Null(u.LegacyPasswordHash));
        var operatorLogin = await AdminWorld.OperatorAsync(api.Services);
        using var browser = new SsoDriver(api);
        var listing = await operatorLogin.GetAsync(browser, $"{MigrationCalls.Batches}/{world.BatchId}/results");
        Assert.Equal(HttpStatusCode.OK, listing.Status);
        Assert.All(hashesBefore.Values, hash => Assert.DoesNotContain(hash!, listing.Body, StringComparison.Ordinal));
        Assert.DoesNotContain("hash", listing.Body, StringComparison.OrdinalIgnoreCase);

        foreach (var user in world.Users)
        {
            var rollback = await operatorLogin.PostAsync(browser, $"{MigrationCalls.Batches}/{world.BatchId}/results/{user.EndUserId}/rollback");
            Assert.Equal(HttpStatusCode.NoContent, rollback.Status);
        }

        // Exactly the hashes the rows had (before a portal login upgrades them) ...
        Assert.Equal(hashesBefore, (await world.EndUsersAsync()).ToDictionary(pair => pair.Key, pair => pair.Value.LegacyPasswordHash));
        // ... so the portal's form takes the passwords it had, and not the other product's.
        using (var portal = new SsoDriver(api))
        {
            Assert.NotEqual(HttpStatusCode.OK, (await portal.LegacyLoginAsync(linked.Email, SsoPassword)).Status);
        }

        foreach (var user in world.Users)
        {
            using var portal = new SsoDriver(api);
            Assert.NotNull(await portal.LegacySignInAsync(user));
        }

        Assert.All(await world.ResultsAsync(), r => Assert.Null(r.LegacyPasswordHashBefore));
        Assert.Equal([OtherProduct], await world.RolesOfAsync(linked.Email));
        Assert.Empty(await Mailbox.MessagesAsync(api.Services, linked.Email, PasswordSetupEmails.Kind));
        Assert.Empty(await Mailbox.MessagesAsync(api.Services, migrated.Email, PasswordSetupEmails.Kind));
    }

    [Fact]
    [Trait("ASVS", "2.4.1")]
    [Trait("ASVS", "2.5.1")]
    public async Task A_linked_user_who_had_no_portal_password_gets_a_set_password_mail_when_the_batch_rolls_back()
    {
        var world = await ExecutionWorld.CreateAsync(api.Services, users: 2);
        var (migrated, linked) = (world.Users[0], world.Users[1]);
        await LinkToAnotherProductsAccountAsync(linked, world.Admin.Partner.Id);
        // Invited to the portal but never chose a password there.
        await using (var scope = api.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().EndUsers.Where(u => u.Id == linked.EndUserId)
                .ExecuteUpdateAsync(set => set.SetProperty(u => u.LegacyPasswordHash, (string?)null));
        }

        Assert.True(await world.Runner().RunOnceAsync(CancellationToken.None));
        var operatorLogin = await AdminWorld.OperatorAsync(api.Services);
        using var browser = new SsoDriver(api);
        var rollback = await operatorLogin.PostAsync(browser, $"{MigrationCalls.Batches}/{world.BatchId}/rollback");

        Assert.Equal(HttpStatusCode.NoContent, rollback.Status);
        using (var portal = new SsoDriver(api))
        {
            Assert.NotEqual(HttpStatusCode.OK, (await portal.LegacyLoginAsync(linked.Email, SsoPassword)).Status);
        }

        Assert.Null((await world.EndUsersAsync())[linked.EndUserId].LegacyPasswordHash);
        // The user chooses a portal password from the mail, as a new end user does, and logs in with it.
        var mail = Assert.Single(await Mailbox.WaitForAsync(api.Services, linked.Email, PasswordSetupEmails.Kind));
        var set = await browser.PostAsync("/api/portal/password/setup", new { token = AdminCalls.SetPasswordTokenIn(mail), newPassword = Journeys.NewPassword });
        Assert.Equal(HttpStatusCode.NoContent, set.Status);
        using (var portal = new SsoDriver(api))
        {
            Assert.NotNull(await portal.LegacySignInAsync(AdminCalls.LegacyUser(linked.EndUserId, linked.Email, Journeys.NewPassword)));
        }

        // The normally migrated user has the password they had, and no mail.
        using (var portal = new SsoDriver(api))
        {
            Assert.NotNull(await portal.LegacySignInAsync(migrated));
        }

        Assert.Empty(await Mailbox.MessagesAsync(api.Services, migrated.Email, PasswordSetupEmails.Kind));
        Assert.Equal([OtherProduct], await world.RolesOfAsync(linked.Email));
        var audit = (await world.AuditAsync(AuditActions.UserRolledBack)).Single(e => e.TargetId == linked.EndUserId.ToString());
        Assert.Contains("set-password e-mail sent", audit.After);
    }

    /// <summary>
    /// The person already has a platform account for another product, with a password of its own:
    /// one this partner created (it gave the other product's role), so the migration links it
    /// without asking. (Someone else's account is never linked by a batch: see OwnerConsent.)
    /// </summary>
    private async Task LinkToAnotherProductsAccountAsync(TestUser user, Guid partnerId)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountAdministration>();
        await accounts.ProvisionAsync(user.Email, user.DisplayName, LegacyPasswordHash.CreateCurrent(SsoPassword), OtherProduct, PartnerSteward.Of(partnerId));
    }
}
