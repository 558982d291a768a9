using System.Net;
using Api.Audit;
using Api.Shared;

namespace Api.Tests.Admin;

/// <summary>
/// The help a technician gives a user who cannot sign in (Reset MFA, Unlock, Resend activation),
/// seen as the user notices it: the e-mail, the next sign-in step, or a sentence saying why not.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class EndUserSignInHelpTests(SsoApiFactory api)
{
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
}
