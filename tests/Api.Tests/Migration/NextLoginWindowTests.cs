using System.Net;
using Api.Data;
using Api.SsoMigration.Batches;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Migration;

/// <summary>
/// Mixed mode moves nobody outside a window: before it opens, in a batch without one, cancelled or
/// rolled back, for a client not in the batch, a user the operator excluded, a wrong password or a
/// disabled user. The portal's form then answers exactly as it always has.
/// </summary>
[Collection(ExecutionCollection.Name)]
public sealed class NextLoginWindowTests(ExecutionApiFactory api)
{
    public enum Case
    {
        BeforeTheWindowOpens,
        NoWindow,
        BatchCancelled,
        BatchRolledBack,
        ClientNotInTheBatch,
        UserExcluded,
    }

    [Theory]
    [Trait("ASVS", "2.4.1")]
    [InlineData(Case.BeforeTheWindowOpens)]
    [InlineData(Case.NoWindow)]
    [InlineData(Case.BatchCancelled)]
    [InlineData(Case.BatchRolledBack)]
    [InlineData(Case.ClientNotInTheBatch)]
    [InlineData(Case.UserExcluded)]
    public async Task A_legacy_log_in_outside_an_open_window_stays_a_legacy_log_in(Case @case)
    {
        var world = await ExecutionWorld.CreateAsync(api.Services, users: 1);
        await NextLoginCalls.OpenWindowAsync(api.Services, world.BatchId);
        var user = world.Users[0];
        switch (@case)
        {
            case Case.BeforeTheWindowOpens:
                await NextLoginCalls.SetWindowAsync(api.Services, world.BatchId, DateTime.UtcNow.AddHours(1));
                break;
            case Case.NoWindow:
                await NextLoginCalls.SetWindowAsync(api.Services, world.BatchId, null);
                break;
            case Case.BatchCancelled:
                await NextLoginCalls.SetStatusAsync(api.Services, world.BatchId, MigrationBatchStatus.Cancelled);
                break;
            case Case.BatchRolledBack:
                await NextLoginCalls.SetStatusAsync(api.Services, world.BatchId, MigrationBatchStatus.RolledBack);
                break;
            case Case.ClientNotInTheBatch:
                user = await SsoUsers.CreateAsync(api.Services, SsoUserState.Legacy);
                break;
            case Case.UserExcluded:
                await ExcludeAsync(world.BatchId, user.EndUserId);
                break;
        }

        using var browser = new SsoDriver(api);
        var login = await browser.LegacyLoginAsync(user.Email, user.Password);

        Assert.Equal(HttpStatusCode.OK, login.Status);
        Assert.False(login.Json!["movedToSso"]!.GetValue<bool>());
        Assert.Equal("/portal", login.RedirectUrl);
        Assert.Contains(login.SetCookies, c => c.StartsWith("__Host-sso=", StringComparison.Ordinal));
        await AssertNotMovedAsync(world, user, excluded: @case == Case.UserExcluded);
    }

    [Fact]
    [Trait("ASVS", "2.4.1")]
    public async Task A_wrong_password_or_a_disabled_user_moves_nobody_even_inside_the_window()
    {
        var world = await ExecutionWorld.CreateAsync(api.Services, users: 2);
        await NextLoginCalls.OpenWindowAsync(api.Services, world.BatchId);
        var (guessed, disabled) = (world.Users[0], world.Users[1]);
        await using (var scope = api.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().EndUsers.Where(u => u.Id == disabled.EndUserId)
                .ExecuteUpdateAsync(set => set.SetProperty(u => u.Enabled, false));
        }

        using var browser = new SsoDriver(api);
        var wrong = await browser.LegacyLoginAsync(guessed.Email, "not-the-password-at-all");
        var refused = await browser.LegacyLoginAsync(disabled.Email, disabled.Password);

        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.Equal(Journeys.WrongCredentials, wrong.Detail);
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.EndsWith("disabled", refused.Type);
        await AssertNotMovedAsync(world, guessed, excluded: false);
        await AssertNotMovedAsync(world, disabled, excluded: false);
    }

    private async Task AssertNotMovedAsync(ExecutionWorld world, TestUser user, bool excluded)
    {
        var row = await AdminCalls.EndUserAsync(api.Services, user.EndUserId);
        Assert.False(row.MigratedToSso);
        Assert.NotNull(row.LegacyPasswordHash);
        Assert.Null(row.SsoAccountId);
        Assert.Null(await NextLoginCalls.AccountAsync(api.Services, user.Email));
        var results = (await world.ResultsAsync()).Where(r => r.EndUserId == user.EndUserId).Select(r => r.Status);
        Assert.Equal(excluded ? [MigrationOutcomeStatus.Excluded] : [], results);
        Assert.Empty(await Mailbox.MessagesAsync(api.Services, user.Email, "activation"));
    }

    private async Task ExcludeAsync(Guid batchId, Guid endUserId)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.MigrationResults.Add(new MigrationResult { BatchId = batchId, EndUserId = endUserId, Status = MigrationOutcomeStatus.Excluded, Reason = "Excluded by the operator." });
        await db.SaveChangesAsync();
    }
}
