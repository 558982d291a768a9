using System.Net;
using Api.Admin.ManageUsers;
using Api.Data;
using Api.Portal;
using Api.Tests.Sso;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Admin;

/// <summary>
/// Manage Users for a partner with many end users: the list is scoped by the partner each user
/// carries (kept right whatever moves them), counts up to 10,000 ("10,000+") and pages up to
/// there, and the export still writes every user.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class ManageUsersScaleTests(SsoApiFactory api)
{
    [Fact]
    public async Task A_partner_sees_and_counts_only_its_own_users()
    {
        var mine = await AdminWorld.CreateAsync(api.Services);
        var theirs = await AdminWorld.CreateAsync(api.Services);
        var own = new[] { await mine.EndUserAsync(SsoUserState.Legacy), await mine.EndUserAsync(SsoUserState.Enrolled, client: mine.Clients[1]) };
        var stranger = await theirs.EndUserAsync(SsoUserState.Enrolled);
        using var reader = new ManageUsersReader(api, await mine.StaffAsync());

        var page = await reader.PageAsync("?pageSize=200");
        var enrolled = await reader.PageAsync("?ssoState=active");
        // Sorted by client, the list finds the partner's users through their clients: the same users.
        var byClient = await reader.PageAsync("?pageSize=200&sort=client");

        Assert.Equal((own.Length, false), (page.Total, page.TotalIsCapped));
        Assert.Equal(own.Select(u => u.Email).Order(), page.Items.Select(r => r.Email).Order());
        Assert.Equal(own.Select(u => u.Email).Order(), byClient.Items.Select(r => r.Email).Order());
        Assert.Equal(1, enrolled.Total);
        Assert.Equal(0, (await reader.PageAsync("?search=" + Uri.EscapeDataString(stranger.Email))).Total);
    }

    [Fact]
    public async Task A_user_moved_to_another_client_stays_in_the_list_of_that_clients_partner()
    {
        var mine = await AdminWorld.CreateAsync(api.Services);
        var theirs = await AdminWorld.CreateAsync(api.Services);
        var admin = await mine.StaffAsync();
        var user = await mine.EndUserAsync(SsoUserState.Legacy);
        using var browser = new SsoDriver(api);

        var edit = await admin.SendAsync(browser, HttpMethod.Put, $"/api/admin/end-users/{user.EndUserId}",
            new { name = "Moved Person", email = user.Email, role = EndUserRoles.EndUser, clientId = mine.Clients[1].Id });

        Assert.Equal(HttpStatusCode.NoContent, edit.Status);
        Assert.Equal(mine.Partner.Id, (await AdminCalls.EndUserAsync(api.Services, user.EndUserId)).PartnerId);
        using var myReader = new ManageUsersReader(api, admin);
        Assert.Equal(mine.Clients[1].Id, Assert.Single((await myReader.PageAsync()).Items).ClientId);

        // Any other write that gives the user a client of another partner moves them with it.
        await ManageUsersReader.ChangeAsync(api.Services, user.EndUserId, u => u.ClientId = theirs.Clients[0].Id);

        Assert.Equal(theirs.Partner.Id, (await AdminCalls.EndUserAsync(api.Services, user.EndUserId)).PartnerId);
        Assert.Equal(0, (await myReader.PageAsync()).Total);
        using var theirReader = new ManageUsersReader(api, await theirs.StaffAsync());
        Assert.Equal(user.EndUserId, Assert.Single((await theirReader.PageAsync()).Items).Id);
    }

    [Fact]
    public async Task Past_ten_thousand_users_the_list_says_more_pages_up_to_there_and_the_export_has_them_all()
    {
        const int users = ListEndUsers.CountLimit + 1;
        var world = await AdminWorld.CreateAsync(api.Services);
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var tag = world.Partner.Id.ToString("N")[^10..];
            db.EndUsers.AddRange(Enumerable.Range(0, users).Select(i => new EndUser
            {
                ClientId = world.Clients[i % 2].Id,
                Email = $"crowd-{i:D5}-{tag}@scale-tests.example",
                DisplayName = $"Crowd {i:D5}",
            }));
            await db.SaveChangesAsync();
        }

        using var reader = new ManageUsersReader(api, await world.StaffAsync());

        var first = await reader.PageAsync("?pageSize=200");
        var last = await reader.PageAsync("?pageSize=200&page=50");
        var beyond = await reader.GetAsync("/api/admin/end-users?pageSize=200&page=51");
        var export = await reader.GetAsync("/api/admin/end-users/export.csv?sort=name&desc=true");

        Assert.Equal((ListEndUsers.CountLimit, true), (first.Total, first.TotalIsCapped));
        Assert.Equal("Crowd 00000", first.Items[0].Name);
        Assert.Equal("Crowd 09999", last.Items[^1].Name);
        Assert.Equal(HttpStatusCode.BadRequest, beyond.Status);
        Assert.NotNull(beyond.Errors?["page"]);
        Assert.Equal("Only the first 10,000 users can be paged through. Search or filter to narrow the list.", beyond.Detail);
        var found = await reader.PageAsync("?search=crowd-00042");
        Assert.Equal((1, false), (found.Total, found.TotalIsCapped));
        Assert.Equal(HttpStatusCode.OK, export.Status);
        var lines = export.Body[..^2].Split("\r\n");
        Assert.Equal(users + 1, lines.Length);
        Assert.Equal(string.Join(',', ExportEndUsers.Header), lines[0]);
        Assert.StartsWith($"Crowd {users - 1:D5},crowd-{users - 1:D5}-", lines[1]);
        Assert.StartsWith("Crowd 00000,crowd-00000-", lines[^1]);
    }
}
