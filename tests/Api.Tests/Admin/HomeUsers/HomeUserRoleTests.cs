using System.Net;
using System.Text.Json;
using Api.Shared;
using Api.Tests.Sso;

namespace Api.Tests.Admin.HomeUsers;

/// <summary>
/// Editing a person's roles in one product from Home &gt; User Management: only that product's
/// assignable roles change, every other role of the account stays, taking a role away signs the
/// person out everywhere, and each real change is audited once.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class HomeUserRoleTests(SsoApiFactory api)
{
    private const string OtherProduct = "bcdr-viewer";

    [Fact]
    public async Task A_partner_admin_changes_one_products_roles_and_every_other_role_stays()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var linked = await world.LinkedEndUserAsync(api.Services, ProductRoles.RmmTechnician, OtherProduct);
        var admin = await world.StaffAsync();
        using var browser = new SsoDriver(api);

        var changed = await admin.SetRolesAsync(browser, linked.EndUserId, ProductRoles.RmmAdmin);
        var again = await admin.SetRolesAsync(browser, linked.EndUserId, ProductRoles.RmmAdmin);

        Assert.Equal(HttpStatusCode.OK, changed.Status);
        Assert.Equal([ProductRoles.RmmAdmin], changed.Json!["products"]![0]!["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal([ProductRoles.RmmAdmin], Assert.Single(await admin.PeopleAsync(browser), p => p.Id == linked.EndUserId).RmmRoles());
        var accountId = (await AdminCalls.EndUserAsync(api.Services, linked.EndUserId)).SsoAccountId!;
        Assert.Equal([OtherProduct, ProductRoles.PortalEndUser, ProductRoles.RmmAdmin], await HomeUserCalls.AccountRolesAsync(api.Services, accountId));
        Assert.Equal(HttpStatusCode.OK, again.Status);
        var entry = Assert.Single(await HomeUserCalls.RoleChangesOfAsync(api.Services, linked.EndUserId));
        Assert.Equal((admin.AccountId, world.Partner.Id, "end-user", linked.DisplayName), (entry.ActorId, entry.PartnerId, entry.TargetType, entry.TargetName));
        Assert.Equal([ProductRoles.RmmTechnician], RolesIn(entry.Before));
        Assert.Equal([ProductRoles.RmmAdmin], RolesIn(entry.After));
    }

    [Fact]
    public async Task Giving_a_role_keeps_the_persons_sessions_and_taking_one_away_ends_them()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var admin = await world.StaffAsync();
        var colleague = await world.StaffAsync(ProductRoles.PartnerTechnician);
        using var browser = new SsoDriver(api);
        var personId = Assert.Single(await admin.PeopleAsync(browser), p => p.Email == colleague.Email).Id;

        Assert.Equal(HttpStatusCode.OK, (await admin.SetRolesAsync(browser, personId, ProductRoles.RmmTechnician, ProductRoles.RmmAdmin)).Status);
        var afterGiving = await colleague.GetAsync(browser, "/api/admin/me");
        Assert.Equal(HttpStatusCode.OK, (await admin.SetRolesAsync(browser, personId, ProductRoles.RmmTechnician)).Status);
        var afterTaking = await colleague.GetAsync(browser, "/api/admin/me");

        Assert.Equal(HttpStatusCode.OK, afterGiving.Status);
        Assert.Equal(HttpStatusCode.Unauthorized, afterTaking.Status);
        Assert.Equal([ProductRoles.RmmTechnician], await HomeUserCalls.AccountRolesAsync(api.Services, colleague.AccountId));
        Assert.Equal(2, (await HomeUserCalls.RoleChangesOfAsync(api.Services, personId)).Count);
    }

    [Fact]
    public async Task Technicians_see_roles_but_cannot_change_them()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var linked = await world.LinkedEndUserAsync(api.Services, ProductRoles.RmmTechnician);
        var technician = await world.StaffAsync(ProductRoles.PartnerTechnician);
        using var browser = new SsoDriver(api);

        var answer = await technician.SetRolesAsync(browser, linked.EndUserId);

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Contains("Only a partner admin", answer.Detail);
        Assert.Equal([ProductRoles.RmmTechnician], Assert.Single(await technician.PeopleAsync(browser), p => p.Id == linked.EndUserId).RmmRoles());
        Assert.Empty(await HomeUserCalls.RoleChangesOfAsync(api.Services, linked.EndUserId));
    }

    [Fact]
    public async Task A_role_partner_admins_may_not_give_is_refused_with_a_sentence()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var linked = await world.LinkedEndUserAsync(api.Services, ProductRoles.RmmTechnician);
        var admin = await world.StaffAsync();
        using var browser = new SsoDriver(api);

        var foreign = await admin.SetRolesAsync(browser, linked.EndUserId, ProductRoles.RmmTechnician, ProductRoles.PartnerAdmin);
        var unknown = await admin.SetRolesAsync(browser, linked.EndUserId, "rmm-owner");
        var portal = await admin.SendAsync(browser, HttpMethod.Put, HomeUserCalls.RolesOf(linked.EndUserId, "portal-spa"), new { roles = new[] { ProductRoles.PlatformOperator } });
        var noProduct = await admin.SendAsync(browser, HttpMethod.Put, HomeUserCalls.RolesOf(linked.EndUserId, "bcdr-console"), new { roles = Array.Empty<string>() });
        var noRoles = await admin.SendAsync(browser, HttpMethod.Put, HomeUserCalls.RolesOf(linked.EndUserId), new { });

        Assert.Equal(HttpStatusCode.BadRequest, foreign.Status);
        Assert.Equal("\"partner-admin\" is not a role you can give in the RMM Console. Choose from: rmm-technician, rmm-admin.", foreign.Detail);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.Contains("\"rmm-owner\" is not a role you can give", unknown.Detail);
        Assert.Equal(HttpStatusCode.BadRequest, portal.Status);
        Assert.Equal("Roles in the End User Portal are not given in User Management.", portal.Detail);
        Assert.Equal(HttpStatusCode.NotFound, noProduct.Status);
        Assert.Equal(HttpStatusCode.BadRequest, noRoles.Status);
        Assert.All(new[] { foreign, unknown, portal, noProduct, noRoles }, a => Assert.True(a.IsProblem, a.ToString()));
        var accountId = (await AdminCalls.EndUserAsync(api.Services, linked.EndUserId)).SsoAccountId!;
        Assert.Equal([ProductRoles.PortalEndUser, ProductRoles.RmmTechnician], await HomeUserCalls.AccountRolesAsync(api.Services, accountId));
    }

    [Fact]
    public async Task Another_partners_person_and_an_end_user_not_in_the_list_answer_404()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var other = await AdminWorld.CreateAsync(api.Services);
        var (theirStaff, theirAccount) = await other.AddStaffAsync();
        var theirLinked = await other.LinkedEndUserAsync(api.Services, ProductRoles.RmmTechnician);
        var migratedOnly = await world.EndUserAsync(SsoUserState.Enrolled);
        var admin = await world.StaffAsync();
        using var browser = new SsoDriver(api);

        var answers = new[]
        {
            await admin.SetRolesAsync(browser, theirStaff.Id, ProductRoles.RmmAdmin),
            await admin.SetRolesAsync(browser, theirLinked.EndUserId),
            await admin.SetRolesAsync(browser, migratedOnly.EndUserId, ProductRoles.RmmAdmin),
        };

        Assert.All(answers, a => Assert.Equal((HttpStatusCode.NotFound, "This person does not exist, or is not one of your company's people in User Management."), (a.Status, a.Detail)));
        Assert.Empty(await HomeUserCalls.AccountRolesAsync(api.Services, theirAccount.Id));
        Assert.Equal([ProductRoles.PortalEndUser], await HomeUserCalls.AccountRolesAsync(api.Services, migratedOnly.AccountId!));
    }

    [Fact]
    public async Task Fifty_parallel_edits_to_the_same_roles_change_them_once()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var (person, account) = await world.AddStaffAsync(ProductRoles.PartnerTechnician);
        var admin = await world.StaffAsync();
        using var browser = new SsoDriver(api);

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => admin.SetRolesAsync(browser, person.Id, ProductRoles.RmmAdmin)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Equal([ProductRoles.RmmAdmin], await HomeUserCalls.AccountRolesAsync(api.Services, account.Id));
        var entry = Assert.Single(await HomeUserCalls.RoleChangesOfAsync(api.Services, person.Id));
        Assert.Empty(RolesIn(entry.Before));
        Assert.Equal([ProductRoles.RmmAdmin], RolesIn(entry.After));
    }

    [Fact]
    public async Task Fifty_parallel_different_edits_end_consistent_with_one_audit_entry_per_real_change()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var (person, account) = await world.AddStaffAsync(ProductRoles.PartnerTechnician);
        var admin = await world.StaffAsync();
        using var browser = new SsoDriver(api);
        string[][] choices = [[], [ProductRoles.RmmTechnician], [ProductRoles.RmmAdmin], [ProductRoles.RmmTechnician, ProductRoles.RmmAdmin]];

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => admin.SetRolesAsync(browser, person.Id, choices[i % choices.Length])));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        // The entries, in order, form one chain from no role to the roles the account holds now:
        // each starts where the previous ended and changes something.
        var held = (await HomeUserCalls.AccountRolesAsync(api.Services, account.Id)).Order(StringComparer.Ordinal).ToArray();
        var entries = await HomeUserCalls.RoleChangesOfAsync(api.Services, person.Id);
        Assert.NotEmpty(entries);
        var current = Array.Empty<string>();
        foreach (var entry in entries)
        {
            Assert.Equal(current, RolesIn(entry.Before));
            Assert.NotEqual(current, RolesIn(entry.After));
            current = RolesIn(entry.After);
        }

        Assert.Equal(held, current);
    }

    private static string[] RolesIn(string? json) =>
        [.. JsonDocument.Parse(json!).RootElement.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).Order(StringComparer.Ordinal)];
}
