using System.Net;
using Api.Audit;
using Api.Portal;

namespace Api.Tests.Admin;

/// <summary>
/// Manage Users &gt; Edit, seen as the user notices it: a new e-mail must be activated (SSO) or
/// becomes the login (portal form); the audit shows what changed and only when something did.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class EditEndUserTests(SsoApiFactory api)
{
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
}
