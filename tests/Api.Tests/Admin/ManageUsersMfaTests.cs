using System.Net.Http.Json;
using Api.Admin.ManageUsers;

namespace Api.Tests.Admin;

/// <summary>
/// Manage Users tells a partner how each migrated user passes the second step, a passkey or an
/// authenticator app, so whoever helps them on the phone asks for the right thing. Enrolled
/// through the real sign-in screens with a software authenticator.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class ManageUsersMfaTests(SsoApiFactory api)
{
    [Fact]
    public async Task Each_row_says_passkey_or_authenticator_app_in_the_list_the_detail_and_the_file()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var legacy = await world.EndUserAsync(SsoUserState.Legacy);
        var activated = await world.EndUserAsync(SsoUserState.Activated);
        var withApp = await world.EndUserAsync(SsoUserState.Enrolled);
        var withPasskey = await world.EndUserAsync(SsoUserState.Activated);
        var withBoth = await world.EndUserAsync(SsoUserState.Enrolled);
        using var passkey = new SoftwareAuthenticator(synced: true);
        using (var browser = new SsoDriver(api))
        {
            Assert.Equal("done", (await browser.EnrolPasskeyAsync(withPasskey, passkey)).Step);
        }

        using var second = new SoftwareAuthenticator();
        using (var browser = new SsoDriver(api))
        {
            var tokens = await browser.SignInAsync(withBoth);
            var options = await browser.SendAsync(HttpMethod.Post, "/api/sso/passkeys/options", tokens.AccessToken);
            var added = await browser.SendAsync(HttpMethod.Post, "/api/sso/passkeys", tokens.AccessToken,
                JsonContent.Create(new { credential = second.Create(SsoDriver.PublicKeyOf(options)) }));
            Assert.Equal(System.Net.HttpStatusCode.Created, added.Status);
        }

        using var reader = new ManageUsersReader(api, await world.StaffAsync());
        var rows = (await reader.RowsAsync(world.Clients[0])).ToDictionary(r => r.Email);

        Assert.Empty(rows[legacy.Email].Mfa);
        Assert.Empty(rows[activated.Email].Mfa);
        Assert.Equal(SsoStateNames.MfaNotEnrolled, rows[activated.Email].SsoState);
        Assert.Equal([MfaMethodNames.AuthenticatorApp], rows[withApp.Email].Mfa);
        // A passkey alone is both factors: the account is active without an app.
        Assert.Equal([MfaMethodNames.Passkey], rows[withPasskey.Email].Mfa);
        Assert.Equal(SsoStateNames.Active, rows[withPasskey.Email].SsoState);
        Assert.Equal([MfaMethodNames.Passkey, MfaMethodNames.AuthenticatorApp], rows[withBoth.Email].Mfa);
        Assert.Equal([MfaMethodNames.Passkey], (await reader.DetailAsync(withPasskey.EndUserId)).User.Mfa);

        var lines = (await reader.GetAsync($"/api/admin/end-users/export.csv?clientId={world.Clients[0].Id}")).Body.Split("\r\n");
        Assert.Contains(lines, line => line.Contains($",{withPasskey.Email},", StringComparison.Ordinal) && line.Contains(",Active,Passkey,", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains($",{withApp.Email},", StringComparison.Ordinal) && line.Contains(",Active,Authenticator app,", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains($",{withBoth.Email},", StringComparison.Ordinal) && line.Contains(",Active,Passkey and authenticator app,", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains($",{activated.Email},", StringComparison.Ordinal) && line.Contains(",MFA not enrolled,,", StringComparison.Ordinal));
    }
}
