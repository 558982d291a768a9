using System.Net;
using Api.Sso.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Admin;

/// <summary>
/// Manage Users &gt; Delete: the user is signed out, an SSO account another product uses is kept,
/// and the e-mail is free for a new user.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class DeleteEndUserTests(SsoApiFactory api)
{
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
}
