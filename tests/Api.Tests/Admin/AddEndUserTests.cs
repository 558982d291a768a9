using System.Net;
using Api.Portal;

namespace Api.Tests.Admin;

/// <summary>
/// Manage Users &gt; Add, seen as the new user notices it: a set-password e-mail (portal form) or
/// the SSO invitation (migrated client), and a sentence for each refused input.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class AddEndUserTests(SsoApiFactory api)
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
}
