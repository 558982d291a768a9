using Api.Shared;
using Api.Sso.Accounts;
using Api.SsoMigration;
using Api.SsoMigration.Batches;
using Api.Tests.Migration;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Admin.HomeUsers;

/// <summary>
/// The migration's "linked" case as the partner admin sees it afterwards: a batch over an end user
/// whose e-mail already signs in to the RMM console asks that account's owner; once they accept,
/// the account is linked and the RMM role is still there — in the account and in Home &gt; User Management.
/// </summary>
[Collection(ExecutionCollection.Name)]
public sealed class LinkedMigrationTests(ExecutionApiFactory api)
{
    [Fact]
    public async Task A_batch_asks_a_user_who_already_had_an_rmm_role_and_once_they_accept_the_role_is_still_there()
    {
        var world = await ExecutionWorld.CreateAsync(api.Services, users: 2);
        var (linked, plain) = (world.Users[0], world.Users[1]);
        await using (var scope = api.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AccountAdministration>()
                .ProvisionAsync(linked.Email, linked.DisplayName, passwordHash: null, ProductRoles.RmmTechnician, managedBy: null);
        }

        Assert.True(await world.Runner().RunOnceAsync(CancellationToken.None));

        var asked = await world.ResultOfAsync(linked);
        Assert.Equal((MigrationOutcomeStatus.Skipped, EndUserMigrator.AwaitingAccountOwner), (asked.Status, asked.Reason));
        Assert.Equal([ProductRoles.RmmTechnician], await world.RolesOfAsync(linked.Email));
        Assert.Equal(MigrationOutcomeStatus.Migrated, (await world.ResultOfAsync(plain)).Status);
        await AccessRequestLinks.AcceptAsync(api.Services, linked.Email, (await AccountIdAsync(linked.Email))!);

        Assert.Equal([ProductRoles.PortalEndUser, ProductRoles.RmmTechnician], (await world.RolesOfAsync(linked.Email)).Order(StringComparer.Ordinal));
        using var browser = new SsoDriver(api);
        var people = await (await world.Admin.StaffAsync()).PeopleAsync(browser);
        Assert.Equal([ProductRoles.RmmTechnician], Assert.Single(people, p => p.Id == linked.EndUserId).RmmRoles());
        Assert.DoesNotContain(people, p => p.Id == plain.EndUserId);
    }

    private async Task<string?> AccountIdAsync(string email)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<AccountAdministration>().FindAccountAsync(email))?.AccountId;
    }
}
