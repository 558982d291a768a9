using System.Net;
using System.Net.Http.Json;
using Api.Admin.HomeUsers;
using Api.Audit;
using Api.Shared.Paging;
using Api.Sso.Accounts;
using Api.SsoMigration;
using Api.SsoMigration.Batches;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Admin.HomeUsers;

/// <summary>Home &gt; User Management as the SPA calls it, and the people a test puts there.</summary>
internal static class HomeUserCalls
{
    public const string List = "/api/admin/home-users";

    public static string RolesOf(Guid personId, string product = RmmConsole.ClientId) => $"/api/admin/home-users/{personId}/products/{product}/roles";

    /// <summary>Every person the caller sees (one page of 200); fails the test unless it is answered 200.</summary>
    public static async Task<IReadOnlyList<HomeUserRow>> PeopleAsync(this StaffLogin staff, SsoDriver browser, string query = "")
    {
        using var request = staff.Request(HttpMethod.Get, $"{List}?pageSize=200{query}");
        using var answer = await browser.Http.SendAsync(request);
        Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
        return (await answer.Content.ReadFromJsonAsync<Page<HomeUserRow>>())!.Items;
    }

    public static Task<SsoResponse> SetRolesAsync(this StaffLogin staff, SsoDriver browser, Guid personId, params string[] roles) =>
        staff.SendAsync(browser, HttpMethod.Put, RolesOf(personId), new { roles });

    /// <summary>The person's roles in the RMM console, as a row shows them.</summary>
    public static IReadOnlyList<string> RmmRoles(this HomeUserRow row) => row.Products.Single(p => p.ClientId == RmmConsole.ClientId).Roles;

    /// <summary>
    /// An end user of the world's first client who already had an SSO account holding
    /// <paramref name="otherRoles"/> (from other products): the migration asked them, they accepted,
    /// and the account is linked.
    /// </summary>
    public static async Task<TestUser> LinkedEndUserAsync(this AdminWorld world, IServiceProvider services, params string[] otherRoles)
    {
        var user = await world.EndUserAsync(SsoUserState.Legacy);
        await using var scope = services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountAdministration>();
        foreach (var role in otherRoles)
        {
            await accounts.ProvisionAsync(user.Email, user.DisplayName, passwordHash: null, role, managedBy: null);
        }

        var migration = await scope.ServiceProvider.GetRequiredService<EndUserMigrator>().MigrateAsync(user.EndUserId);
        var account = (await accounts.FindAccountAsync(user.Email))!;
        if (otherRoles.Length > 0)
        {
            Assert.Equal(EndUserMigrator.AwaitingAccountOwner, migration.Reason);
            await AccessRequestLinks.AcceptAsync(services, user.Email, account.AccountId);
        }

        return new TestUser
        {
            Email = user.Email,
            Password = user.Password,
            DisplayName = user.DisplayName,
            EndUserId = user.EndUserId,
            AccountId = account.AccountId,
            ClientName = user.ClientName,
            PartnerName = user.PartnerName,
        };
    }

    public static async Task<IList<string>> AccountRolesAsync(IServiceProvider services, string accountId)
    {
        await using var scope = services.CreateAsyncScope();
        var roles = await scope.ServiceProvider.GetRequiredService<AccountAdministration>().RolesOfAsync([accountId]);
        return [.. roles.GetValueOrDefault(accountId) ?? []];
    }

    public static async Task<List<AuditEvent>> RoleChangesOfAsync(IServiceProvider services, Guid personId)
    {
        var entries = await AdminCalls.AuditOfAsync(services, personId, AuditActions.HomeUserRolesChanged);
        return [.. entries.OrderBy(e => e.At)];
    }
}
