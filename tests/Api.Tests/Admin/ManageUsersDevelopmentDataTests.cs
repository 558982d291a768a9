using Api.Admin.ManageUsers;
using Api.Tests.Sso;

namespace Api.Tests.Admin;

/// <summary>
/// The development accounts README.md lists for QA: the Contoso technician and the Fabrikam admin
/// sign in through the real SSO (password and the shared development TOTP secret) and find Manage
/// Users populated with users in every state, their own partner's only.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class ManageUsersDevelopmentDataTests(SsoApiFactory api)
{
    [Fact]
    public async Task The_contoso_technician_finds_hundreds_of_users_in_every_state()
    {
        using var reader = await SignInAsync("tom.technician@contoso.test");

        var clients = await reader.ClientsAsync();
        var all = await reader.PageAsync("?pageSize=200");

        Assert.Equal(["Northwind Traders", "Tailspin Toys"], clients.Select(c => c.Name));
        var tailspin = clients[1];
        Assert.NotNull(tailspin.MigratedToSsoAt);
        Assert.Equal(tailspin.EndUsers, tailspin.Migrated);
        Assert.Null(clients[0].MigratedToSsoAt);
        Assert.InRange(clients[0].Migrated, 1, clients[0].EndUsers - 1);
        Assert.InRange(all.Total, 300, 1000);
        Assert.Equal(200, all.Items.Count);
        foreach (var filter in new[] { "migrated=false", "status=disabled", "ssoState=activation-pending", "ssoState=mfa-not-enrolled", "ssoState=active", "status=disabled&migrated=true" })
        {
            Assert.True((await reader.PageAsync("?" + filter)).Total >= 10, filter);
        }

        Assert.Contains(all.Items, row => row.Role == Api.Portal.EndUserRoles.ClientManager);
        Assert.Contains(all.Items, row => row.LastLoginAt is not null);
        Assert.Equal(all.Total, all.Items.Concat((await reader.PageAsync("?pageSize=200&page=2")).Items).Select(r => r.Email).Distinct().Count());
    }

    [Fact]
    public async Task The_fabrikam_admin_sees_only_adventure_works()
    {
        using var reader = await SignInAsync("fiona.admin@fabrikam.test");

        var clients = await reader.ClientsAsync();
        var users = await reader.PageAsync();

        Assert.Equal("Adventure Works", Assert.Single(clients).Name);
        Assert.Equal(["henry.enrolled@adventure.test", "sam.legacy@adventure.test"], users.Items.Select(r => r.Email));
        Assert.Equal([SsoStateNames.Active, null], users.Items.Select(r => r.SsoState));
    }

    [Fact]
    public async Task The_platform_operator_signs_in_with_the_role_in_the_token_and_sees_every_partner()
    {
        using var reader = await SignInAsync("olga.operator@platform.test");

        var clients = await reader.ClientsAsync();

        Assert.Contains(clients, c => c is { Name: "Adventure Works", PartnerName: "Fabrikam MSP" });
        Assert.Contains(clients, c => c is { Name: "Northwind Traders", PartnerName: "Contoso Managed IT" });
    }

    private async Task<ManageUsersReader> SignInAsync(string email)
    {
        using var browser = new SsoDriver(api);
        var tokens = await browser.SignInAsync(DevelopmentAccounts.Named(email));
        Assert.False(tokens.IsError, tokens.Error);
        return new ManageUsersReader(api, new StaffLogin("", email, "", tokens.AccessToken));
    }
}
