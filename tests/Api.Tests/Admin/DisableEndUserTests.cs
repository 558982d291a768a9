using System.Net;
using Api.Sso.Login;

namespace Api.Tests.Admin;

/// <summary>Manage Users &gt; Disable and Enable: the user is signed out at once and cannot sign in until enabled.</summary>
[Collection(SsoCollection.Name)]
public sealed class DisableEndUserTests(SsoApiFactory api)
{
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
}
