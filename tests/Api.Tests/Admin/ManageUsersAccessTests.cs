using System.Net;
using Api.Data;
using Api.Hosting;
using Api.Shared;
using Api.Tests.Sso;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Admin;

/// <summary>
/// Who may read Manage Users: a partner's staff see their partner's clients and users only (any
/// other id is "not found", never "forbidden", so nothing tells that it exists); technicians
/// read too; a session without MFA and an account that is not staff are refused; an operator
/// sees every partner.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class ManageUsersAccessTests(SsoApiFactory api)
{
    [Fact]
    public async Task Another_partners_client_or_end_user_is_not_found()
    {
        var mine = await AdminWorld.CreateAsync(api.Services);
        var theirs = await AdminWorld.CreateAsync(api.Services);
        await mine.EndUserAsync(SsoUserState.Legacy);
        var stranger = await theirs.EndUserAsync(SsoUserState.Enrolled);
        using var reader = new ManageUsersReader(api, await mine.StaffAsync());
        var theirClient = theirs.Clients[0].Id;

        foreach (var path in new[]
        {
            $"/api/admin/end-users?clientId={theirClient}",
            $"/api/admin/end-users/export.csv?clientId={theirClient}",
            $"/api/admin/end-users?clientId={Guid.NewGuid()}",
            $"/api/admin/end-users/{stranger.EndUserId}",
        })
        {
            var answer = await reader.GetAsync(path);
            Assert.True(answer.Status == HttpStatusCode.NotFound, $"{path}: {answer}");
            Assert.True(answer.IsProblem, answer.ToString());
            Assert.DoesNotContain(theirs.Partner.Name, answer.Body);
        }

        var clients = await reader.ClientsAsync();
        Assert.Equal(mine.Clients.Select(c => c.Id).Order(), clients.Select(c => c.Id).Order());
        Assert.All(clients, c => Assert.Equal(mine.Partner.Name, c.PartnerName));
        var page = await reader.PageAsync("?search=" + Uri.EscapeDataString(stranger.Email));
        Assert.Equal(0, page.Total);
        Assert.DoesNotContain(stranger.Email, (await reader.GetAsync("/api/admin/end-users/export.csv")).Body);
    }

    [Fact]
    public async Task Clients_are_listed_by_name_with_how_many_of_their_users_are_migrated()
    {
        var world = await AdminWorld.CreateAsync(api.Services, clients: 3);
        await world.EndUserAsync(SsoUserState.Legacy);
        await world.EndUserAsync(SsoUserState.Enrolled);
        await world.EndUserAsync(SsoUserState.MigratedPending, client: world.Clients[1]);
        var deleted = await world.EndUserAsync(SsoUserState.Enrolled, client: world.Clients[1]);
        await ManageUsersReader.ChangeAsync(api.Services, deleted.EndUserId, u => u.Deleted = true);
        var migratedAt = new DateTime(2026, 5, 1, 9, 0, 0, DateTimeKind.Utc);
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            (await db.Clients.FindAsync(world.Clients[1].Id))!.MigratedToSsoAt = migratedAt;
            await db.SaveChangesAsync();
        }

        using var reader = new ManageUsersReader(api, await world.StaffAsync());
        var clients = await reader.ClientsAsync();

        Assert.Equal(world.Clients.Select(c => c.Name).Order(StringComparer.Ordinal), clients.Select(c => c.Name));
        var counts = clients.ToDictionary(c => c.Id, c => (c.EndUsers, c.Migrated, c.MigratedToSsoAt));
        Assert.Equal((2, 1, (DateTime?)null), counts[world.Clients[0].Id]);
        Assert.Equal((1, 1, (DateTime?)migratedAt), counts[world.Clients[1].Id]);
        Assert.Equal((0, 0, (DateTime?)null), counts[world.Clients[2].Id]);
        Assert.All(clients, c => Assert.Equal(world.Partner.Id, c.PartnerId));
    }

    [Fact]
    public async Task A_technician_reads_everything_manage_users_shows()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var user = await world.EndUserAsync(SsoUserState.Enrolled);
        using var reader = new ManageUsersReader(api, await world.StaffAsync(ProductRoles.PartnerTechnician));

        var me = await reader.GetAsync("/api/admin/me");
        Assert.Equal(HttpStatusCode.OK, me.Status);
        Assert.Equal(ProductRoles.PartnerTechnician, me.String("role"));
        Assert.Equal(world.Partner.Name, me.String("partnerName"));
        Assert.Equal(2, (await reader.ClientsAsync()).Count);
        Assert.Equal(user.Email, Assert.Single((await reader.PageAsync()).Items).Email);
        Assert.Equal(user.Email, (await reader.DetailAsync(user.EndUserId)).User.Email);
        Assert.Contains(user.Email, (await reader.GetAsync("/api/admin/end-users/export.csv")).Body);
    }

    public static TheoryData<string> Reads() =>
        ["/api/admin/clients", "/api/admin/end-users", "/api/admin/end-users/export.csv", $"/api/admin/end-users/{Guid.NewGuid()}"];

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task A_staff_session_without_mfa_is_refused(string path)
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        await world.EndUserAsync(SsoUserState.Legacy);
        using var reader = new ManageUsersReader(api, await world.StaffAsync(mfa: false));

        var answer = await reader.GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal(MfaSessionRequirement.Refusal, answer.Detail);
        Assert.DoesNotContain("@sso-tests.example", answer.Body);
    }

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task An_sso_user_who_is_not_staff_is_refused(string path)
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var user = await world.EndUserAsync(SsoUserState.Enrolled);
        using var browser = new SsoDriver(api);
        var tokens = await browser.SignInAsync(user);
        using var reader = new ManageUsersReader(api, new StaffLogin(user.AccountId!, user.Email, "", tokens.AccessToken));

        var answer = await reader.GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.True(answer.IsProblem, answer.ToString());
        Assert.Equal(Api.Admin.Staff.StaffRequirement.Refusal, answer.Detail);
    }

    [Fact]
    public async Task An_operator_sees_every_partners_clients_and_users()
    {
        var first = await AdminWorld.CreateAsync(api.Services);
        var second = await AdminWorld.CreateAsync(api.Services);
        var one = await first.EndUserAsync(SsoUserState.Legacy);
        var two = await second.EndUserAsync(SsoUserState.Enrolled);
        using var reader = new ManageUsersReader(api, await AdminWorld.OperatorAsync(api.Services));

        var clients = await reader.ClientsAsync();
        var page = await reader.PageAsync("?pageSize=200&sort=client&search=" + Uri.EscapeDataString("@sso-tests.example"));

        Assert.Contains(clients, c => c.Id == first.Clients[0].Id && c.PartnerName == first.Partner.Name && c.EndUsers == 1);
        Assert.Contains(clients, c => c.Id == second.Clients[0].Id && c.PartnerName == second.Partner.Name && c.Migrated == 1);
        Assert.Equal(one.Email, Assert.Single(await reader.RowsAsync(first.Clients[0])).Email);
        Assert.Equal(two.Email, Assert.Single(await reader.RowsAsync(second.Clients[0])).Email);
        Assert.Equal(two.Email, (await reader.DetailAsync(two.EndUserId)).User.Email);
        Assert.True(page.Total >= 2);
        var export = (await reader.GetAsync($"/api/admin/end-users/export.csv?clientId={second.Clients[0].Id}")).Body;
        Assert.Contains(two.Email, export);
    }
}
