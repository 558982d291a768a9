using System.Net;
using Api.Audit;
using Api.Shared;
using Api.Portal;
using Api.Sso.Accounts;
using Api.SsoMigration.Batches;
using Api.Tests.Admin;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Migration;

/// <summary>Rolling back a user or a whole batch, as the user notices it: the portal's form and their password work again.</summary>
[Collection(ExecutionCollection.Name)]
public sealed class RollbackTests(ExecutionApiFactory api)
{
    private const string OtherProduct = "other-product-user";

    [Fact]
    public async Task A_user_who_signed_in_with_sso_blocks_the_batch_rollback_and_rolled_back_alone_logs_in_with_the_portal_form()
    {
        var world = await ExecutionWorld.CreateAsync(api.Services, users: 2);
        Assert.True(await world.Runner().RunOnceAsync(CancellationToken.None));
        var user = await world.ActivateAndEnrolAsync(world.Users[0]);
        using (var sso = new SsoDriver(api))
        {
            Assert.NotNull((await sso.SignInAsync(user)).AccessToken);
        }

        var operatorLogin = await AdminWorld.OperatorAsync(api.Services);
        using var browser = new SsoDriver(api);
        var batchRollback = await operatorLogin.PostAsync(browser, $"/api/admin/migration/batches/{world.BatchId}/rollback");
        var userRollback = await operatorLogin.PostAsync(browser, $"/api/admin/migration/batches/{world.BatchId}/results/{user.EndUserId}/rollback");
        var twice = await operatorLogin.PostAsync(browser, $"/api/admin/migration/batches/{world.BatchId}/results/{user.EndUserId}/rollback");

        Assert.Equal(HttpStatusCode.Conflict, batchRollback.Status);
        Assert.Contains("1 user of this batch has already signed in", batchRollback.Detail);
        Assert.Equal(HttpStatusCode.NoContent, userRollback.Status);
        Assert.Equal(HttpStatusCode.Conflict, twice.Status);
        // The portal's form takes the password it had before the batch (kept with the result).
        using var portal = new SsoDriver(api);
        Assert.NotNull(await portal.LegacySignInAsync(user));
        var row = await AdminCalls.EndUserAsync(api.Services, user.EndUserId);
        Assert.Equal((false, null, null), (row.MigratedToSso, row.SsoAccountId, row.MigratedAt));
        Assert.Empty(await world.RolesOfAsync(user.Email));
        Assert.Equal(MigrationOutcomeStatus.RolledBack, (await world.ResultOfAsync(user)).Status);
        Assert.Equal(MigrationBatchStatus.Completed, (await world.BatchAsync()).Status);
        var audit = Assert.Single(await world.AuditAsync(AuditActions.UserRolledBack));
        Assert.Equal((world.Admin.Partner.Id, operatorLogin.AccountId), (audit.PartnerId, audit.ActorId));
        Assert.Contains("deleted", audit.After);
    }

    [Fact]
    public async Task Fifty_parallel_rollbacks_of_one_user_roll_back_once()
    {
        var world = await ExecutionWorld.CreateAsync(api.Services, users: 1);
        Assert.True(await world.Runner().RunOnceAsync(CancellationToken.None));
        var user = world.Users[0];
        var operatorLogin = await AdminWorld.OperatorAsync(api.Services);
        using var browser = new SsoDriver(api);

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ =>
            operatorLogin.PostAsync(browser, $"/api/admin/migration/batches/{world.BatchId}/results/{user.EndUserId}/rollback")));

        Assert.Single(answers, a => a.Status == HttpStatusCode.NoContent);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.NoContent), a => Assert.Equal(HttpStatusCode.Conflict, a.Status));
        Assert.Single(await world.AuditAsync(AuditActions.UserRolledBack));
        using var portal = new SsoDriver(api);
        Assert.NotNull(await portal.LegacySignInAsync(user));
    }

    [Fact]
    public async Task A_batch_nobody_signed_in_from_rolls_back_whole_and_a_linked_user_keeps_the_other_products_role()
    {
        var world = await ExecutionWorld.CreateAsync(api.Services, users: 3);
        var linked = world.Users[2];
        await using (var scope = api.Services.CreateAsyncScope())
        {
            // The person already had a platform account for another product, with the same password,
            // one this partner created and gave that product's role: the batch links it without asking.
            var accounts = scope.ServiceProvider.GetRequiredService<AccountAdministration>();
            await accounts.ProvisionAsync(
                linked.Email, linked.DisplayName, LegacyPasswordHash.CreateCurrent(linked.Password), OtherProduct, PartnerSteward.Of(world.Admin.Partner.Id));
        }

        Assert.True(await world.Runner().RunOnceAsync(CancellationToken.None));
        Assert.Equal(MigrationOutcomeStatus.Linked, (await world.ResultOfAsync(linked)).Status);
        Assert.Equal([OtherProduct, ProductRoles.PortalEndUser], (await world.RolesOfAsync(linked.Email)).Order());
        Assert.Equal(3, await world.AccountCountAsync());

        var operatorLogin = await AdminWorld.OperatorAsync(api.Services);
        using var browser = new SsoDriver(api);
        var rollback = await operatorLogin.PostAsync(browser, $"/api/admin/migration/batches/{world.BatchId}/rollback");
        var retry = await operatorLogin.PostAsync(browser, $"/api/admin/migration/batches/{world.BatchId}/results/{linked.EndUserId}/retry");
        var run = await operatorLogin.PostAsync(browser, $"/api/admin/migration/batches/{world.BatchId}/run");

        Assert.Equal(HttpStatusCode.NoContent, rollback.Status);
        Assert.Equal(HttpStatusCode.Conflict, retry.Status);
        Assert.Equal(HttpStatusCode.Conflict, run.Status);
        Assert.Equal(MigrationBatchStatus.RolledBack, (await world.BatchAsync()).Status);
        Assert.All(await world.ResultsAsync(), r => Assert.Equal(MigrationOutcomeStatus.RolledBack, r.Status));
        Assert.All((await world.EndUsersAsync()).Values, u => Assert.False(u.MigratedToSso));
        // The accounts the migration created are gone; the other product's stays, with its role only.
        Assert.Equal(1, await world.AccountCountAsync());
        Assert.Equal([OtherProduct], await world.RolesOfAsync(linked.Email));
        foreach (var user in world.Users)
        {
            using var portal = new SsoDriver(api);
            Assert.NotNull(await portal.LegacySignInAsync(user));
        }

        Assert.Single(await world.AuditAsync(AuditActions.BatchRolledBack), e => e.ActorId == operatorLogin.AccountId && e.PartnerId is null);
        Assert.Equal(3, (await world.AuditAsync(AuditActions.UserRolledBack)).Count);
        Assert.Contains("kept for other products", (await world.AuditAsync(AuditActions.UserRolledBack)).Single(e => e.TargetId == linked.EndUserId.ToString()).After);
    }

    [Fact]
    public async Task A_batch_that_has_not_run_cannot_be_rolled_back()
    {
        var world = await ExecutionWorld.CreateAsync(api.Services, users: 1);
        var operatorLogin = await AdminWorld.OperatorAsync(api.Services);
        using var browser = new SsoDriver(api);

        var rollback = await operatorLogin.PostAsync(browser, $"/api/admin/migration/batches/{world.BatchId}/rollback");
        var user = await operatorLogin.PostAsync(browser, $"/api/admin/migration/batches/{world.BatchId}/results/{world.Users[0].EndUserId}/rollback");

        Assert.Equal(HttpStatusCode.Conflict, rollback.Status);
        Assert.Contains("Only a completed batch", rollback.Detail);
        Assert.Equal(HttpStatusCode.NotFound, user.Status);
        Assert.Equal(MigrationBatchStatus.Scheduled, (await world.BatchAsync()).Status);
    }
}
