using System.Net;
using Api.Admin.HomeUsers;
using Api.Shared;
using Api.Tests.Sso;

namespace Api.Tests.Admin.HomeUsers;

/// <summary>
/// Home &gt; User Management's list, as a partner admin reads it: the partner's staff, and the end
/// users who already had an SSO account with another product's role when their migration linked
/// them — not the end users the migration merely moved to SSO (the seed's FAQ answer).
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class HomeUserListTests(SsoApiFactory api)
{
    [Fact]
    public async Task A_linked_end_user_appears_with_their_rmm_role_and_one_migrated_without_other_roles_does_not()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var linked = await world.LinkedEndUserAsync(api.Services, ProductRoles.RmmTechnician);
        var migrated = await world.EndUserAsync(SsoUserState.Enrolled);
        var legacy = await world.EndUserAsync(SsoUserState.Legacy);
        var admin = await world.StaffAsync();
        using var browser = new SsoDriver(api);

        var people = await admin.PeopleAsync(browser);

        var row = Assert.Single(people, p => p.Email == linked.Email);
        Assert.Equal((linked.EndUserId, HomeUserListing.EndUserKind, linked.DisplayName, world.Clients[0].Name), (row.Id, row.Kind, row.Name, row.ClientName));
        var rmm = Assert.Single(row.Products);
        Assert.Equal((RmmConsole.ClientId, RmmConsole.DisplayName), (rmm.ClientId, rmm.ProductName));
        Assert.Equal([ProductRoles.RmmTechnician], rmm.Roles);
        Assert.Equal([ProductRoles.RmmTechnician, ProductRoles.RmmAdmin], rmm.AssignableRoles);
        Assert.DoesNotContain(people, p => p.Email == migrated.Email || p.Email == legacy.Email);
    }

    [Fact]
    public async Task The_partners_staff_appear_and_another_partners_people_do_not()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var other = await AdminWorld.CreateAsync(api.Services);
        var admin = await world.StaffAsync();
        var (technician, technicianAccount) = await world.AddStaffAsync(ProductRoles.PartnerTechnician);
        var (otherStaff, _) = await other.AddStaffAsync();
        var otherLinked = await other.LinkedEndUserAsync(api.Services, ProductRoles.RmmTechnician);
        using var browser = new SsoDriver(api);

        var people = await admin.PeopleAsync(browser);

        Assert.Equal(2, people.Count);
        Assert.All(people, p => Assert.Equal((HomeUserListing.StaffKind, (string?)null), (p.Kind, p.ClientName)));
        Assert.Contains(people, p => p.Email == admin.Email);
        var row = Assert.Single(people, p => p.Id == technician.Id);
        Assert.Equal((technicianAccount.Email, technicianAccount.DisplayName), (row.Email, row.Name));
        Assert.Empty(row.RmmRoles());
        Assert.DoesNotContain(people, p => p.Id == otherStaff.Id || p.Email == otherLinked.Email);
    }

    [Fact]
    public async Task Technicians_read_the_list_and_search_finds_by_name_or_email()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var linked = await world.LinkedEndUserAsync(api.Services, ProductRoles.RmmAdmin);
        var technician = await world.StaffAsync(ProductRoles.PartnerTechnician);
        using var browser = new SsoDriver(api);

        var byEmail = await technician.PeopleAsync(browser, $"&search={Uri.EscapeDataString(linked.Email.ToUpperInvariant())}");
        var byName = await technician.PeopleAsync(browser, "&search=" + Uri.EscapeDataString(linked.DisplayName[5..]));
        var tooLong = await technician.GetAsync(browser, $"{HomeUserCalls.List}?search={new string('x', 201)}");

        Assert.Equal([linked.EndUserId], byEmail.Select(p => p.Id));
        Assert.Equal([linked.EndUserId], byName.Select(p => p.Id));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.Status);
        Assert.Contains("at most 200 characters", tooLong.Detail);
    }
}
