using System.Net;
using Api.Audit;
using Api.Shared;
using Api.Portal;
using Api.Sso.Accounts;
using Api.Sso.Login;
using Api.Tests.Sso;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Admin;

/// <summary>Each Manage Users action, seen as the end user notices it: e-mails, sign-ins, refusals.</summary>
[Collection(SsoCollection.Name)]
public sealed class EndUserLifecycleTests(SsoApiFactory api)
{
    [Fact]
    public async Task An_added_user_of_a_client_not_on_sso_sets_a_password_from_the_email_and_logs_in_with_the_portal_form()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var admin = await world.StaffAsync();
        using var browser = new SsoDriver(api);
        var email = AdminCalls.NewEmail();

        var id = await admin.AddAsync(browser, world.Clients[0], email, "Ada Lovelace", EndUserRoles.ClientManager);

        var mail = Assert.Single(await Mailbox.WaitForAsync(api.Services, email, "set-password"));
        Assert.Contains("Ada Lovelace", mail.TextBody);
        var token = AdminCalls.SetPasswordTokenIn(mail);
        var set = await browser.PostAsync("/api/portal/password/setup", new { token, newPassword = Journeys.NewPassword });
        Assert.Equal(HttpStatusCode.NoContent, set.Status);
        var again = await browser.PostAsync("/api/portal/password/setup", new { token, newPassword = Journeys.NewPassword + "x" });
        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        Assert.Contains("expired or has already been used", again.Detail);

        using var user = new SsoDriver(api);
        var access = await user.LegacySignInAsync(AdminCalls.LegacyUser(id, email, Journeys.NewPassword));
        var me = await user.GetMeAsync(access);
        Assert.Equal(HttpStatusCode.OK, me.Status);
        Assert.Equal("Ada Lovelace", me.String("name"));
        Assert.False(me.Json!["migratedToSso"]!.GetValue<bool>());
        Assert.Equal(EndUserRoles.ClientManager, (await AdminCalls.EndUserAsync(api.Services, id)).Role);
    }

    [Fact]
    public async Task A_set_password_link_refuses_a_weak_password_and_stays_usable()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var admin = await world.StaffAsync();
        using var browser = new SsoDriver(api);
        var email = AdminCalls.NewEmail();
        await admin.AddAsync(browser, world.Clients[0], email);
        var token = AdminCalls.SetPasswordTokenIn(Assert.Single(await Mailbox.WaitForAsync(api.Services, email, "set-password")));

        var tooShort = await browser.PostAsync("/api/portal/password/setup", new { token, newPassword = "short" });
        var common = await browser.PostAsync("/api/portal/password/setup", new { token, newPassword = "password1234" });
        var good = await browser.PostAsync("/api/portal/password/setup", new { token, newPassword = Journeys.NewPassword });

        Assert.Equal(HttpStatusCode.BadRequest, tooShort.Status);
        Assert.Contains("12 to 128 characters", tooShort.Detail);
        Assert.Equal(HttpStatusCode.BadRequest, common.Status);
        Assert.Equal(HttpStatusCode.NoContent, good.Status);
    }

    [Fact]
    public async Task An_added_user_of_a_migrated_client_gets_the_sso_invitation_and_finishes_activation()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        await AdminCalls.MigrateClientAsync(api.Services, world.Clients[0]);
        var admin = await world.StaffAsync();
        using var browser = new SsoDriver(api);
        var email = AdminCalls.NewEmail();

        var id = await admin.AddAsync(browser, world.Clients[0], email, "Grace Hopper");

        var added = await AdminCalls.EndUserAsync(api.Services, id);
        Assert.True(added.MigratedToSso);
        Assert.Empty(await Mailbox.MessagesAsync(api.Services, email, "set-password"));
        var invitation = Assert.Single(await Mailbox.WaitForAsync(api.Services, email, "activation"));
        Assert.Equal(HttpStatusCode.NoContent, (await browser.ResetPasswordAsync(Mailbox.TokenIn(invitation, "reset-password"), Journeys.NewPassword)).Status);
        var user = new TestUser { Email = email, Password = Journeys.NewPassword, DisplayName = "Grace Hopper", EndUserId = id, ClientName = "", PartnerName = "" };
        using var signIn = new SsoDriver(api);
        Assert.Equal(HttpStatusCode.Redirect, (await signIn.BeginSignInAsync()).StatusCode);
        var tokens = await signIn.FinishSignInAsync(await Journeys.EnrolAsync(signIn, user));
        var me = await signIn.GetMeAsync(tokens.AccessToken!);
        Assert.Equal(HttpStatusCode.OK, me.Status);
        Assert.True(me.Json!["migratedToSso"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Adding_an_email_already_in_use_is_refused_and_bad_input_gets_a_sentence()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var admin = await world.StaffAsync();
        var existing = await world.EndUserAsync(SsoUserState.Legacy);
        using var browser = new SsoDriver(api);

        var taken = await admin.PostAsync(browser, "/api/admin/end-users", new { clientId = world.Clients[0].Id, name = "Twin", email = existing.Email.ToUpperInvariant(), role = EndUserRoles.EndUser });
        var badEmail = await admin.PostAsync(browser, "/api/admin/end-users", new { clientId = world.Clients[0].Id, name = "X", email = "not-an-email", role = EndUserRoles.EndUser });
        var badRole = await admin.PostAsync(browser, "/api/admin/end-users", new { clientId = world.Clients[0].Id, name = "X", email = AdminCalls.NewEmail(), role = "Boss" });
        var noName = await admin.PostAsync(browser, "/api/admin/end-users", new { clientId = world.Clients[0].Id, name = " ", email = AdminCalls.NewEmail(), role = EndUserRoles.EndUser });

        Assert.Equal(HttpStatusCode.Conflict, taken.Status);
        Assert.Equal("An end user with this e-mail already exists.", taken.Detail);
        Assert.Equal(HttpStatusCode.BadRequest, badEmail.Status);
        Assert.NotNull(badEmail.Errors?["email"]);
        Assert.Equal(HttpStatusCode.BadRequest, badRole.Status);
        Assert.NotNull(badRole.Errors?["role"]);
        Assert.Equal(HttpStatusCode.BadRequest, noName.Status);
        Assert.NotNull(noName.Errors?["name"]);
    }

    [Fact]
    public async Task Changing_a_migrated_users_email_requires_activating_the_new_address()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var admin = await world.StaffAsync();
        var user = await world.EndUserAsync(SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);
        var access = (await browser.SignInAsync(user)).AccessToken!;
        var newEmail = AdminCalls.NewEmail();

        var edit = await admin.SendAsync(browser, HttpMethod.Put, $"/api/admin/end-users/{user.EndUserId}",
            new { name = "Renamed Person", email = newEmail, role = EndUserRoles.EndUser, clientId = world.Clients[1].Id });

        Assert.Equal(HttpStatusCode.NoContent, edit.Status);
        await PortalApiProbe.AssertRefusedAsync(api, access);
        Assert.Single(await Mailbox.WaitForAsync(api.Services, user.Email, "email-changed"));
        Assert.Single(await Mailbox.WaitForAsync(api.Services, newEmail, "activation"));
        using var signIn = new SsoDriver(api);
        Assert.Equal("password", (await signIn.StartAsync(newEmail)).Step);
        Assert.Equal("activate", (await signIn.PasswordAsync(user.Password)).Step);
        var audit = Assert.Single(await AdminCalls.AuditOfAsync(api.Services, user.EndUserId, AuditActions.EndUserEdited));
        Assert.Contains(user.Email, audit.Before);
        Assert.Contains(newEmail, audit.After);
        Assert.Contains("Renamed Person", audit.After);
        Assert.Contains(world.Clients[1].Name, audit.After);
        Assert.DoesNotContain("role", audit.After);
    }

    [Fact]
    public async Task Editing_a_legacy_user_changes_the_login_email_and_an_unchanged_edit_is_not_audited()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var admin = await world.StaffAsync();
        var user = await world.EndUserAsync(SsoUserState.Legacy);
        var other = await world.EndUserAsync(SsoUserState.Legacy);
        using var browser = new SsoDriver(api);
        var newEmail = AdminCalls.NewEmail();
        var path = $"/api/admin/end-users/{user.EndUserId}";

        var taken = await admin.SendAsync(browser, HttpMethod.Put, path, new { name = user.DisplayName, email = other.Email, role = EndUserRoles.EndUser, clientId = world.Clients[0].Id });
        var same = await admin.SendAsync(browser, HttpMethod.Put, path, new { name = user.DisplayName, email = user.Email, role = EndUserRoles.EndUser, clientId = world.Clients[0].Id });
        var changed = await admin.SendAsync(browser, HttpMethod.Put, path, new { name = user.DisplayName, email = newEmail, role = EndUserRoles.EndUser, clientId = world.Clients[0].Id });

        Assert.Equal(HttpStatusCode.Conflict, taken.Status);
        Assert.Equal(HttpStatusCode.NoContent, same.Status);
        Assert.Equal(HttpStatusCode.NoContent, changed.Status);
        Assert.Single(await AdminCalls.AuditOfAsync(api.Services, user.EndUserId, AuditActions.EndUserEdited));
        using var login = new SsoDriver(api);
        Assert.Equal(HttpStatusCode.OK, (await login.LegacyLoginAsync(newEmail, user.Password)).Status);
    }

    [Fact]
    public async Task A_disabled_legacy_user_is_signed_out_at_once_and_cannot_log_in_until_enabled()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var admin = await world.StaffAsync();
        var user = await world.EndUserAsync(SsoUserState.Legacy);
        using var browser = new SsoDriver(api);
        var access = await browser.LegacySignInAsync(user);
        await PortalApiProbe.AssertAcceptedAsync(api, access);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync(browser, $"/api/admin/end-users/{user.EndUserId}/disable")).Status);

        await PortalApiProbe.AssertRefusedAsync(api, access);
        using var again = new SsoDriver(api);
        var refused = await again.LegacyLoginAsync(user.Email, user.Password);
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains("disabled", refused.Detail);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync(browser, $"/api/admin/end-users/{user.EndUserId}/enable")).Status);
        Assert.Equal(HttpStatusCode.OK, (await again.LegacyLoginAsync(user.Email, user.Password)).Status);
    }

    [Fact]
    public async Task A_disabled_migrated_user_is_signed_out_at_once_and_sso_refuses_a_new_sign_in()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var admin = await world.StaffAsync();
        var user = await world.EndUserAsync(SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);
        var access = (await browser.SignInAsync(user)).AccessToken!;
        await PortalApiProbe.AssertAcceptedAsync(api, access);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync(browser, $"/api/admin/end-users/{user.EndUserId}/disable")).Status);

        await PortalApiProbe.AssertRefusedAsync(api, access);
        using var again = new SsoDriver(api);
        Assert.Equal("password", (await again.StartAsync(user.Email)).Step);
        var refused = await again.PasswordAsync(user.Password);
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal(LoginProblems.Disabled, refused.Detail);
    }

    [Fact]
    public async Task Deleting_keeps_an_sso_account_that_another_product_uses_and_removes_one_only_the_portal_used()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var admin = await world.StaffAsync();
        var shared = await world.EndUserAsync(SsoUserState.Enrolled);
        var portalOnly = await world.EndUserAsync(SsoUserState.Enrolled);
        await using (var scope = api.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AccountAdministration>().ProvisionAsync(shared.Email, shared.DisplayName, null, "another-product-user", managedBy: null);
        }

        using var browser = new SsoDriver(api);
        var access = (await browser.SignInAsync(shared)).AccessToken!;

        Assert.Equal(HttpStatusCode.NoContent, (await admin.SendAsync(browser, HttpMethod.Delete, $"/api/admin/end-users/{shared.EndUserId}")).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.SendAsync(browser, HttpMethod.Delete, $"/api/admin/end-users/{portalOnly.EndUserId}")).Status);

        await PortalApiProbe.AssertRefusedAsync(api, access);
        await using var check = api.Services.CreateAsyncScope();
        var users = check.ServiceProvider.GetRequiredService<UserManager<SsoAccount>>();
        var kept = await users.FindByIdAsync(shared.AccountId!);
        Assert.NotNull(kept);
        Assert.Equal(["another-product-user"], await users.GetRolesAsync(kept));
        Assert.Null(await users.FindByIdAsync(portalOnly.AccountId!));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync(browser, $"/api/admin/end-users/{shared.EndUserId}/enable")).Status);
    }

    [Fact]
    public async Task A_deleted_users_email_can_be_given_to_a_new_user()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var admin = await world.StaffAsync();
        var gone = await world.EndUserAsync(SsoUserState.Legacy);
        using var browser = new SsoDriver(api);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.SendAsync(browser, HttpMethod.Delete, $"/api/admin/end-users/{gone.EndUserId}")).Status);
        using var login = new SsoDriver(api);
        Assert.Equal(HttpStatusCode.BadRequest, (await login.LegacyLoginAsync(gone.Email, gone.Password)).Status);

        var id = await admin.AddAsync(browser, world.Clients[0], gone.Email);

        Assert.NotEqual(gone.EndUserId, id);
        Assert.Single(await Mailbox.WaitForAsync(api.Services, gone.Email, "set-password"));
    }

    [Fact]
    public async Task After_an_mfa_reset_the_user_is_told_and_the_next_sign_in_enrols_a_new_authenticator()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var admin = await world.StaffAsync();
        var user = await world.EndUserAsync(SsoUserState.Enrolled);
        var legacy = await world.EndUserAsync(SsoUserState.Legacy);
        using var browser = new SsoDriver(api);
        var access = (await browser.SignInAsync(user)).AccessToken!;

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync(browser, $"/api/admin/end-users/{user.EndUserId}/reset-mfa")).Status);
        var notOnSso = await admin.PostAsync(browser, $"/api/admin/end-users/{legacy.EndUserId}/reset-mfa");

        await PortalApiProbe.AssertRefusedAsync(api, access);
        Assert.Single(await Mailbox.WaitForAsync(api.Services, user.Email, "authenticator-reset"));
        using var again = new SsoDriver(api);
        Assert.Equal("password", (await again.StartAsync(user.Email)).Step);
        Assert.Equal("enroll", (await again.PasswordAsync(user.Password)).Step);
        Assert.Equal(HttpStatusCode.Conflict, notOnSso.Status);
    }

    [Fact]
    public async Task Unlocking_after_a_lockout_lets_the_user_sign_in_again()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var technician = await world.StaffAsync(ProductRoles.PartnerTechnician);
        var user = await world.EndUserAsync(SsoUserState.Enrolled);
        using var attacker = new SsoDriver(api);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal("password", (await attacker.StartAsync(user.Email)).Step);
            await attacker.PasswordAsync($"wrong-password-{i}");
        }

        using var owner = new SsoDriver(api);
        Assert.Equal("password", (await owner.StartAsync(user.Email)).Step);
        Assert.Equal(HttpStatusCode.BadRequest, (await owner.PasswordAsync(user.Password)).Status);

        Assert.Equal(HttpStatusCode.NoContent, (await technician.PostAsync(owner, $"/api/admin/end-users/{user.EndUserId}/unlock")).Status);

        using var later = new SsoDriver(api);
        await later.LoginToMfaAsync(user);
        Assert.Single(await AdminCalls.AuditOfAsync(api.Services, user.EndUserId, AuditActions.EndUserUnlocked));
    }

    [Fact]
    public async Task Resending_activation_sends_the_right_email_or_says_why_not()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var technician = await world.StaffAsync(ProductRoles.PartnerTechnician);
        var admin = await world.StaffAsync();
        var pending = await world.EndUserAsync(SsoUserState.MigratedPending);
        var active = await world.EndUserAsync(SsoUserState.Enrolled);
        var withPassword = await world.EndUserAsync(SsoUserState.Legacy);
        using var browser = new SsoDriver(api);
        var invited = AdminCalls.NewEmail();
        var invitedId = await admin.AddAsync(browser, world.Clients[0], invited);

        Assert.Equal(HttpStatusCode.Accepted, (await technician.PostAsync(browser, $"/api/admin/end-users/{pending.EndUserId}/resend-activation")).Status);
        Assert.Equal(HttpStatusCode.Accepted, (await technician.PostAsync(browser, $"/api/admin/end-users/{invitedId}/resend-activation")).Status);
        var alreadyActive = await technician.PostAsync(browser, $"/api/admin/end-users/{active.EndUserId}/resend-activation");
        var hasPassword = await technician.PostAsync(browser, $"/api/admin/end-users/{withPassword.EndUserId}/resend-activation");

        Assert.Single(await Mailbox.WaitForAsync(api.Services, pending.Email, "activation"));
        Assert.Equal(2, (await Mailbox.WaitForAsync(api.Services, invited, "set-password", count: 2)).Count);
        Assert.Equal(HttpStatusCode.Conflict, alreadyActive.Status);
        Assert.Equal(HttpStatusCode.Conflict, hasPassword.Status);
        Assert.Equal("This user signs in with the portal's form and has a password.", hasPassword.Detail);
    }

    [Fact]
    public async Task Bulk_actions_act_on_each_user_and_report_the_ones_that_failed()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var elsewhere = await AdminWorld.CreateAsync(api.Services);
        var admin = await world.StaffAsync();
        var technician = await world.StaffAsync(ProductRoles.PartnerTechnician);
        var first = await world.EndUserAsync(SsoUserState.Legacy);
        var second = await world.EndUserAsync(SsoUserState.Enrolled);
        var pending = await world.EndUserAsync(SsoUserState.MigratedPending);
        var foreign = await elsewhere.EndUserAsync(SsoUserState.Legacy);
        using var browser = new SsoDriver(api);
        var access = (await browser.SignInAsync(second)).AccessToken!;

        var disable = await admin.PostAsync(browser, "/api/admin/end-users/bulk", new { action = "disable", ids = new[] { first.EndUserId, second.EndUserId, foreign.EndUserId } });
        var technicianDisable = await technician.PostAsync(browser, "/api/admin/end-users/bulk", new { action = "disable", ids = new[] { pending.EndUserId } });
        var resend = await technician.PostAsync(browser, "/api/admin/end-users/bulk", new { action = "resend-activation", ids = new[] { pending.EndUserId, second.EndUserId } });
        var empty = await admin.PostAsync(browser, "/api/admin/end-users/bulk", new { action = "disable", ids = Array.Empty<Guid>() });
        var unknown = await admin.PostAsync(browser, "/api/admin/end-users/bulk", new { action = "explode", ids = new[] { first.EndUserId } });

        Assert.Equal(HttpStatusCode.OK, disable.Status);
        Assert.Equal(2, disable.Json!["succeeded"]!.GetValue<int>());
        var failed = Assert.Single(disable.Json["failed"]!.AsArray());
        Assert.Equal(foreign.EndUserId.ToString(), failed!["id"]!.GetValue<string>());
        Assert.Equal("not found", failed["reason"]!.GetValue<string>());
        Assert.False((await AdminCalls.EndUserAsync(api.Services, first.EndUserId)).Enabled);
        Assert.False((await AdminCalls.EndUserAsync(api.Services, second.EndUserId)).Enabled);
        Assert.True((await AdminCalls.EndUserAsync(api.Services, foreign.EndUserId)).Enabled);
        await PortalApiProbe.AssertRefusedAsync(api, access);
        Assert.Equal(HttpStatusCode.Forbidden, technicianDisable.Status);
        Assert.True((await AdminCalls.EndUserAsync(api.Services, pending.EndUserId)).Enabled);
        Assert.Equal(HttpStatusCode.OK, resend.Status);
        Assert.Equal(1, resend.Json!["succeeded"]!.GetValue<int>());
        Assert.Equal("already activated", resend.Json["failed"]![0]!["reason"]!.GetValue<string>());
        Assert.Single(await Mailbox.WaitForAsync(api.Services, pending.Email, "activation"));
        Assert.Equal(HttpStatusCode.BadRequest, empty.Status);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
    }
}
