using System.Net;
using Api.Data;
using Api.SsoMigration.Batches;
using Api.Sso.Accounts;
using Api.Tests.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Migration.Funnel;

/// <summary>What a retry and a rollback do to the funnel: a retried user counts once, a rolled-back one no longer counts as moved.</summary>
[Collection(ExecutionCollection.Name)]
public sealed class FunnelUndoTests(ExecutionApiFactory api)
{
    [Fact]
    public async Task A_failed_user_retried_into_the_batch_counts_once_and_their_steps_count_in_it()
    {
        var world = await ExecutionWorld.CreateAsync(api.Services, users: 3);
        var blocked = world.Users[0];
        // Another portal user's account already has this e-mail: the migrator refuses to merge them.
        var holder = await SsoUsers.CreateAsync(api.Services, SsoUserState.MigratedPending);
        await FunnelCalls.BlockEmailAsync(api.Services, holder.AccountId!, blocked.Email, world.Admin.Partner.Id);
        Assert.True(await world.Runner().RunOnceAsync(CancellationToken.None));
        var admin = await world.Admin.StaffAsync();
        var operatorLogin = await AdminWorld.OperatorAsync(api.Services);
        using var browser = new SsoDriver(api);
        Assert.Equal((2, 0, 0, 0, 0), (await admin.CountsAsync(browser, world.BatchId)).Row);

        await FunnelCalls.ChangeAccountEmailAsync(api.Services, holder.AccountId!, holder.Email);
        var retry = await operatorLogin.PostAsync(browser, $"{MigrationCalls.Batches}/{world.BatchId}/results/{blocked.EndUserId}/retry");
        Assert.Equal(HttpStatusCode.Accepted, retry.Status);
        Assert.True(await world.Runner().RunOnceAsync(CancellationToken.None));
        using (var signIn = new SsoDriver(api))
        {
            await FunnelCalls.ActivateAsync(api, signIn, blocked);
        }

        Assert.Equal((3, 1, 0, 0, 0), (await admin.CountsAsync(browser, world.BatchId)).Row);
        Assert.Equal([blocked.Email], await admin.PeopleAtAsync(browser, "activated", world.BatchId));
        Assert.Equal(3, (await admin.PeopleAtAsync(browser, "", world.BatchId)).Count);
    }

    [Fact]
    public async Task A_rolled_back_user_leaves_the_batch_funnel_with_their_steps_and_a_rolled_back_batch_leaves_the_home()
    {
        var world = await ExecutionWorld.CreateAsync(api.Services, users: 2);
        Assert.True(await world.Runner().RunOnceAsync(CancellationToken.None));
        var (activated, waiting) = (world.Users[0], world.Users[1]);
        using (var signIn = new SsoDriver(api))
        {
            await FunnelCalls.ActivateAsync(api, signIn, activated);
        }

        var admin = await world.Admin.StaffAsync();
        var operatorLogin = await AdminWorld.OperatorAsync(api.Services);
        using var browser = new SsoDriver(api);
        Assert.Equal((2, 1, 0, 0, 0), (await admin.CountsAsync(browser, world.BatchId)).Row);

        var rollBack = await operatorLogin.PostAsync(browser, $"{MigrationCalls.Batches}/{world.BatchId}/results/{activated.EndUserId}/rollback");

        Assert.Equal(HttpStatusCode.NoContent, rollBack.Status);
        Assert.Equal((1, 0, 0, 0, 0), (await admin.CountsAsync(browser, world.BatchId)).Row);
        Assert.Equal([waiting.Email], await admin.PeopleAtAsync(browser, "moved", world.BatchId));
        Assert.Empty(await admin.PeopleAtAsync(browser, "activated", world.BatchId));
        // Written once, the milestone stays: undoing the move does not rewrite what happened.
        Assert.Single(await FunnelCalls.MilestonesOfAsync(api.Services, activated.EndUserId));
        Assert.Contains(world.BatchId.ToString(), (await admin.GetAsync(browser, "/api/admin/migration/funnels")).Body);

        Assert.Equal(HttpStatusCode.NoContent, (await operatorLogin.PostAsync(browser, $"{MigrationCalls.Batches}/{world.BatchId}/rollback")).Status);

        Assert.Equal((0, 0, 0, 0, 0), (await admin.CountsAsync(browser, world.BatchId)).Row);
        var home = await admin.GetAsync(browser, "/api/admin/migration/funnels");
        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.DoesNotContain(world.BatchId.ToString(), home.Body);
    }
}
