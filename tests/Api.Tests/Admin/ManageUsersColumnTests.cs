using System.Net;
using Api.Admin.ManageUsers;
using Api.Portal;

namespace Api.Tests.Admin;

/// <summary>
/// Settings &gt; Account Administration &gt; Users &gt; Manage Users: what each row tells a partner
/// admin (Migrated to SSO and the SSO state, the last login, locked or not). Each test has a
/// partner of its own (<see cref="AdminWorld"/>), so what it sees is only what it made.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class ManageUsersColumnTests(SsoApiFactory api)
{
    [Fact]
    public async Task Each_user_shows_whether_they_are_migrated_and_where_they_stand_on_sso()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var legacy = await world.EndUserAsync(SsoUserState.Legacy);
        var pending = await world.EndUserAsync(SsoUserState.MigratedPending);
        var activated = await world.EndUserAsync(SsoUserState.Activated);
        var enrolled = await world.EndUserAsync(SsoUserState.Enrolled);
        using var reader = new ManageUsersReader(api, await world.StaffAsync());

        var rows = (await reader.RowsAsync(world.Clients[0])).ToDictionary(r => r.Email);

        Assert.Equal(4, rows.Count);
        Assert.False(rows[legacy.Email].MigratedToSso);
        Assert.Null(rows[legacy.Email].MigratedAt);
        Assert.Null(rows[legacy.Email].SsoState);
        Assert.Equal(SsoStateNames.ActivationPending, rows[pending.Email].SsoState);
        Assert.Equal(SsoStateNames.MfaNotEnrolled, rows[activated.Email].SsoState);
        Assert.Equal(SsoStateNames.Active, rows[enrolled.Email].SsoState);
        foreach (var migrated in new[] { pending, activated, enrolled })
        {
            var row = rows[migrated.Email];
            Assert.True(row.MigratedToSso);
            Assert.Equal(DateTimeKind.Utc, row.MigratedAt!.Value.Kind);
            Assert.InRange(row.MigratedAt.Value, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1));
        }

        Assert.All(rows.Values, row =>
        {
            Assert.Equal(world.Clients[0].Name, row.ClientName);
            Assert.Equal(EndUserRoles.EndUser, row.Role);
            Assert.True(row.Enabled);
            Assert.False(row.Locked);
            Assert.Null(row.LastLoginAt);
        });
    }

    [Fact]
    public async Task The_last_login_is_the_sso_sign_in_for_a_migrated_user_and_the_portal_form_for_the_others()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var legacy = await world.EndUserAsync(SsoUserState.Legacy);
        var enrolled = await world.EndUserAsync(SsoUserState.Enrolled);
        var never = await world.EndUserAsync(SsoUserState.Enrolled);
        using (var browser = new SsoDriver(api))
        {
            await browser.LegacySignInAsync(legacy);
        }

        using (var browser = new SsoDriver(api))
        {
            await browser.SignInAsync(enrolled);
        }

        using var reader = new ManageUsersReader(api, await world.StaffAsync());
        var rows = (await reader.RowsAsync(world.Clients[0])).ToDictionary(r => r.Email);

        Assert.InRange(rows[legacy.Email].LastLoginAt!.Value, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1));
        Assert.InRange(rows[enrolled.Email].LastLoginAt!.Value, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1));
        Assert.Null(rows[never.Email].LastLoginAt);
    }

    [Fact]
    public async Task A_user_is_shown_locked_after_five_wrong_passwords()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var locked = await world.EndUserAsync(SsoUserState.Enrolled);
        var other = await world.EndUserAsync(SsoUserState.Enrolled);
        using var reader = new ManageUsersReader(api, await world.StaffAsync());
        Assert.All(await reader.RowsAsync(world.Clients[0]), row => Assert.False(row.Locked));

        for (var i = 0; i < 5; i++)
        {
            using var attacker = new SsoDriver(api);
            await attacker.StartAsync(locked.Email);
            Assert.Equal(HttpStatusCode.BadRequest, (await attacker.PasswordAsync("not-the-password-" + i)).Status);
        }

        var rows = (await reader.RowsAsync(world.Clients[0])).ToDictionary(r => r.Email);
        Assert.True(rows[locked.Email].Locked);
        Assert.False(rows[other.Email].Locked);
        Assert.True((await reader.DetailAsync(locked.EndUserId)).User.Locked);
    }
}
