using System.Net;
using System.Text.Json.Nodes;
using Api.Audit;
using Api.Data;
using Api.Portal;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Reminders;

/// <summary>No reminder after the user acted, was disabled, deleted or rolled back, their client's reminders turned off, or their row points at someone else's account.</summary>
[Collection(RemindersCollection.Name)]
public sealed class ReminderStopTests(RemindersApiFactory api)
{
    [Fact]
    public async Task A_user_who_activates_after_the_first_reminder_gets_no_last_one_and_one_who_enrols_gets_none()
    {
        var world = await ReminderWorld.CreateAsync(api.Services);
        var activates = await world.MovedUserAsync(SsoUserState.MigratedPending);
        var enrols = await world.MovedUserAsync(SsoUserState.Activated);
        var stays = await world.MovedUserAsync(SsoUserState.MigratedPending);
        await world.PassAsync(days: 3.5);
        using var browser = new SsoDriver(api);
        var link = Mailbox.TokenIn(Assert.Single(await world.RemindersOfAsync(activates)), "activate");
        Assert.Equal(HttpStatusCode.OK, (await browser.ActivateAsync(link)).Status);
        await EnrolAsync(enrols);

        await world.PassAsync(days: 7.5);

        // Activated: the activation reminders stop; what is left to do now is the authenticator.
        Assert.Equal(
            ["Reminder: activate your email account for Single Sign-On", "Reminder: set up your authenticator app for Single Sign-On"],
            (await world.RemindersOfAsync(activates)).Select(m => m.Subject));
        Assert.Single(await world.RemindersOfAsync(enrols));
        Assert.Equal(2, (await world.RemindersOfAsync(stays)).Count);
    }

    [Fact]
    public async Task Disabled_deleted_and_rolled_back_users_get_none()
    {
        var world = await ReminderWorld.CreateAsync(api.Services);
        var disabled = await world.MovedUserAsync(SsoUserState.MigratedPending);
        var deleted = await world.MovedUserAsync(SsoUserState.Activated);
        var rolledBack = await world.MovedUserAsync(SsoUserState.MigratedPending);
        var control = await world.MovedUserAsync(SsoUserState.MigratedPending);
        var admin = await world.Admin.StaffAsync();
        var @operator = await AdminWorld.OperatorAsync(api.Services);
        using var browser = new SsoDriver(api);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync(browser, $"/api/admin/end-users/{disabled.EndUserId}/disable")).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.SendAsync(browser, HttpMethod.Delete, $"/api/admin/end-users/{deleted.EndUserId}")).Status);
        Assert.Equal(HttpStatusCode.NoContent,
            (await @operator.PostAsync(browser, $"/api/admin/migration/batches/{world.BatchId}/results/{rolledBack.EndUserId}/rollback")).Status);
        await world.PassAsync(days: 3.5);
        await world.PassAsync(days: 7.5);

        Assert.Empty(await world.RemindersOfAsync(disabled));
        Assert.Empty(await world.RemindersOfAsync(deleted));
        Assert.Empty(await world.RemindersOfAsync(rolledBack));
        Assert.Equal(2, (await world.RemindersOfAsync(control)).Count);
    }

    [Fact]
    public async Task A_rolled_back_batch_reminds_nobody()
    {
        var world = await ReminderWorld.CreateAsync(api.Services);
        var user = await world.MovedUserAsync(SsoUserState.MigratedPending);
        var @operator = await AdminWorld.OperatorAsync(api.Services);
        using var browser = new SsoDriver(api);

        var rollback = await @operator.PostAsync(browser, $"/api/admin/migration/batches/{world.BatchId}/rollback");
        await world.PassAsync(days: 3.5);

        Assert.True(rollback.Status is HttpStatusCode.NoContent or HttpStatusCode.Accepted, rollback.ToString());
        Assert.Empty(await world.RemindersOfAsync(user));
    }

    [Fact]
    public async Task A_client_whose_reminders_a_partner_admin_turned_off_gets_none_and_the_change_is_audited()
    {
        var world = await ReminderWorld.CreateAsync(api.Services);
        var off = await world.MovedUserAsync(SsoUserState.MigratedPending, client: 0);
        var on = await world.MovedUserAsync(SsoUserState.MigratedPending, client: 1);
        var admin = await world.Admin.StaffAsync();
        using var browser = new SsoDriver(api);
        var path = $"/api/admin/clients/{world.Admin.Clients[0].Id}/automatic-reminders";

        var answer = await admin.SendAsync(browser, HttpMethod.Put, path, new { enabled = false });
        var again = await admin.SendAsync(browser, HttpMethod.Put, path, new { enabled = false });
        await world.PassAsync(days: 3.5);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.False(answer.Json!["enabled"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.OK, again.Status);
        var change = Assert.Single(await AdminCalls.AuditOfAsync(api.Services, world.Admin.Clients[0].Id, AuditActions.ClientRemindersChanged));
        Assert.Contains("false", change.After);
        Assert.Empty(await world.RemindersOfAsync(off));
        Assert.Single(await world.RemindersOfAsync(on));
        var clients = JsonNode.Parse((await admin.GetAsync(browser, "/api/admin/clients")).Body)!.AsArray();
        Assert.Equal([false, true], world.Admin.Clients.Select(c => clients.Single(n => n!["id"]!.GetValue<Guid>() == c.Id)!["automaticReminders"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task Turning_reminders_off_is_for_partner_admins_and_for_the_partners_own_clients()
    {
        var world = await ReminderWorld.CreateAsync(api.Services);
        var other = await AdminWorld.CreateAsync(api.Services);
        var technician = await world.Admin.StaffAsync(Api.Shared.ProductRoles.PartnerTechnician);
        var admin = await world.Admin.StaffAsync();
        using var browser = new SsoDriver(api);

        var byTechnician = await technician.SendAsync(browser, HttpMethod.Put, $"/api/admin/clients/{world.Admin.Clients[0].Id}/automatic-reminders", new { enabled = false });
        var othersClient = await admin.SendAsync(browser, HttpMethod.Put, $"/api/admin/clients/{other.Clients[0].Id}/automatic-reminders", new { enabled = false });
        var noValue = await admin.SendAsync(browser, HttpMethod.Put, $"/api/admin/clients/{world.Admin.Clients[0].Id}/automatic-reminders", new { });

        Assert.Equal(HttpStatusCode.Forbidden, byTechnician.Status);
        Assert.Equal(HttpStatusCode.NotFound, othersClient.Status);
        Assert.Equal("This client does not exist, or is not one of your clients.", othersClient.Detail);
        Assert.Equal(HttpStatusCode.BadRequest, noValue.Status);
        Assert.Equal("Say whether automatic reminders are on (true) or off (false).", noValue.Detail);
        await world.ChangeAsync(async db => Assert.True(await db.Clients.AllAsync(c => (c.Id != world.Admin.Clients[0].Id && c.Id != other.Clients[0].Id) || c.AutomaticReminders)));
    }

    [Fact]
    public async Task A_row_whose_account_became_someone_elses_gets_none()
    {
        var world = await ReminderWorld.CreateAsync(api.Services);
        var user = await world.MovedUserAsync(SsoUserState.MigratedPending);
        var control = await world.MovedUserAsync(SsoUserState.MigratedPending);
        var elsewhere = await AdminWorld.CreateAsync(api.Services);
        // The account became another partner's staff: the partner that created it no longer manages it.
        await world.ChangeAsync(async db =>
        {
            db.PartnerStaff.Add(new PartnerStaff { PartnerId = elsewhere.Partner.Id, SsoAccountId = user.AccountId!, Role = Api.Shared.ProductRoles.PartnerAdmin });
            await db.SaveChangesAsync();
        });

        await world.PassAsync(days: 3.5);

        Assert.Empty(await world.RemindersOfAsync(user));
        Assert.Single(await world.RemindersOfAsync(control));
    }

    /// <summary>What the user does at the enrolment step, done directly: an authenticator is set up.</summary>
    private async Task EnrolAsync(TestUser user)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Api.Sso.Accounts.SsoAccount>>();
        var account = (await users.FindByIdAsync(user.AccountId!))!;
        account.ProtectedTotpSecret = scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector("Sso.Totp.v1")
            .Protect(Api.Sso.Login.TotpVerifier.NewSecret());
        account.TotpEnrolledAt = DateTime.UtcNow;
        Assert.True((await users.UpdateAsync(account)).Succeeded);
    }
}
