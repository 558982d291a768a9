using System.Net;
using System.Text.Json.Nodes;
using Api.Audit;
using Api.Sso.Accounts;
using Api.SsoMigration.Batches;
using Api.SsoMigration.NextLogin;
using Api.Tests.Admin;
using Microsoft.AspNetCore.Identity;

namespace Api.Tests.Migration;

/// <summary>
/// Mixed mode (issue 19): inside a batch's window a legacy user who logs in on the portal's form
/// moves to SSO at that moment, with the password just typed, and goes on to activation in the same
/// browser; the batch later leaves them as they are, and a rollback treats them like any moved user.
/// </summary>
[Collection(ExecutionCollection.Name)]
public sealed class NextLoginTests(ExecutionApiFactory api)
{
    [Fact]
    [Trait("ASVS", "2.4.1")]
    public async Task A_legacy_user_logging_in_inside_the_window_moves_now_with_the_password_typed_and_goes_on_to_activation()
    {
        var world = await ExecutionWorld.CreateAsync(api.Services, users: 2);
        await NextLoginCalls.OpenWindowAsync(api.Services, world.BatchId);
        var (mover, other) = (world.Users[0], world.Users[1]);
        var hashBefore = (await world.EndUsersAsync())[mover.EndUserId].LegacyPasswordHash;
        using var browser = new SsoDriver(api);

        var login = await browser.LegacyLoginAsync(mover.Email, mover.Password);

        Assert.Equal(HttpStatusCode.OK, login.Status);
        Assert.True(login.Json!["movedToSso"]!.GetValue<bool>());
        Assert.Equal(NextLoginCalls.ActivationStep, login.RedirectUrl);
        // No portal session: from now on this user signs in with SSO only.
        Assert.DoesNotContain(login.SetCookies, c => c.StartsWith("__Host-sso=", StringComparison.Ordinal));

        // The row, exactly as the batch leaves a moved user: migrated today, the portal hash cleared
        // (and kept on the result for a rollback).
        var rows = await world.EndUsersAsync();
        var row = rows[mover.EndUserId];
        Assert.True(row.MigratedToSso);
        Assert.InRange(row.MigratedAt!.Value, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow);
        Assert.Null(row.LegacyPasswordHash);
        Assert.False(rows[other.EndUserId].MigratedToSso);
        var result = await world.ResultOfAsync(mover);
        Assert.Equal(
            (MigrationOutcomeStatus.Migrated, NextLoginMigration.MovedAtLogIn, hashBefore, 1),
            (result.Status, result.Reason, result.LegacyPasswordHashBefore, result.Attempts));

        // The SSO password is the one typed, in Identity's own format: never the portal's weaker hash.
        var account = (await NextLoginCalls.AccountAsync(api.Services, mover.Email))!;
        Assert.Equal(row.SsoAccountId, account.Id);
        Assert.True(LegacyPasswordHash.IsLegacy(hashBefore));
        Assert.False(LegacyPasswordHash.IsLegacy(account.PasswordHash));
        Assert.Equal(PasswordVerificationResult.Success, new PasswordHasher<SsoAccount>().VerifyHashedPassword(account, account.PasswordHash!, mover.Password));
        Assert.False(account.EmailConfirmed);

        // The SSO screen of this browser opens at the activation step, and its e-mail went out once.
        var step = await SsoResponse.ReadAsync(await browser.Http.GetAsync("/api/sso/login/step"));
        Assert.Equal(("activate", mover.Email), (step.Step, step.String("email")));
        var mail = Assert.Single(await Mailbox.WaitForAsync(api.Services, mover.Email, "activation"));
        Assert.Equal(HttpStatusCode.Accepted, (await browser.ResendActivationAsync()).Status);

        // Activated from the mail, the user signs in with SSO with that same password and enrols.
        Assert.Equal(HttpStatusCode.OK, (await browser.ActivateAsync(Mailbox.TokenIn(mail, "activate"))).Status);
        using var sso = new SsoDriver(api);
        await sso.StartAsync(mover.Email);
        Assert.Equal("enroll", (await sso.PasswordAsync(mover.Password)).Step);
        using var again = new SsoDriver(api);
        var legacyAgain = await again.LegacyLoginAsync(mover.Email, mover.Password);
        Assert.Equal(HttpStatusCode.Forbidden, legacyAgain.Status);
        Assert.Contains("Single Sign-On", legacyAgain.Detail);
    }

    [Fact]
    public async Task The_batch_later_leaves_a_user_who_moved_at_log_in_as_they_are_and_its_result_says_so()
    {
        var world = await ExecutionWorld.CreateAsync(api.Services, users: 3);
        await NextLoginCalls.OpenWindowAsync(api.Services, world.BatchId);
        var mover = world.Users[1];
        using var browser = new SsoDriver(api);
        Assert.True((await browser.LegacyLoginAsync(mover.Email, mover.Password)).Json!["movedToSso"]!.GetValue<bool>());
        var accountBefore = (await NextLoginCalls.AccountAsync(api.Services, mover.Email))!;

        Assert.True(await world.Runner().RunOnceAsync(CancellationToken.None));

        Assert.Equal(MigrationBatchStatus.Completed, (await world.BatchAsync()).Status);
        var result = await world.ResultOfAsync(mover);
        Assert.Equal((MigrationOutcomeStatus.Migrated, NextLoginMigration.MovedAtLogIn, 1), (result.Status, result.Reason, result.Attempts));
        Assert.All((await world.ResultsAsync()).Where(r => r.EndUserId != mover.EndUserId), r => Assert.Equal((MigrationOutcomeStatus.Migrated, null, 1), (r.Status, r.Reason, r.Attempts)));
        // Nothing done twice: the same account (same password), one audit entry, one activation mail.
        var accountAfter = (await NextLoginCalls.AccountAsync(api.Services, mover.Email))!;
        Assert.Equal((accountBefore.Id, accountBefore.PasswordHash), (accountAfter.Id, accountAfter.PasswordHash));
        Assert.Equal(3, await world.AccountCountAsync());
        Assert.Single(await world.AuditAsync(AuditActions.UserMigrated), e => e.TargetId == mover.EndUserId.ToString());
        Assert.Equal(3, (await world.AuditAsync(AuditActions.UserMigrated)).Count);
        Assert.Single(await Mailbox.MessagesAsync(api.Services, mover.Email, "activation"));

        // The operator's results list says why the batch did not move this user itself.
        var @operator = await AdminWorld.OperatorAsync(api.Services);
        var listing = await @operator.GetAsync(browser, $"{MigrationCalls.Batches}/{world.BatchId}/results");
        var item = Assert.Single(JsonNode.Parse(listing.Body)!["items"]!.AsArray(), r => r!["endUserId"]!.GetValue<string>() == mover.EndUserId.ToString())!;
        Assert.Equal(("migrated", NextLoginMigration.MovedAtLogIn), (item["status"]!.GetValue<string>(), item["reason"]!.GetValue<string>()));
    }

    [Fact]
    [Trait("ASVS", "2.4.1")]
    public async Task Rolling_the_batch_back_afterwards_gives_a_user_who_moved_at_log_in_the_portal_password_they_had()
    {
        var world = await ExecutionWorld.CreateAsync(api.Services, users: 2);
        await NextLoginCalls.OpenWindowAsync(api.Services, world.BatchId);
        var mover = world.Users[0];
        var hashBefore = (await world.EndUsersAsync())[mover.EndUserId].LegacyPasswordHash;
        using var browser = new SsoDriver(api);
        Assert.True((await browser.LegacyLoginAsync(mover.Email, mover.Password)).Json!["movedToSso"]!.GetValue<bool>());
        Assert.True(await world.Runner().RunOnceAsync(CancellationToken.None));
        var @operator = await AdminWorld.OperatorAsync(api.Services);

        var rollback = await @operator.PostAsync(browser, $"{MigrationCalls.Batches}/{world.BatchId}/rollback");

        Assert.Equal(HttpStatusCode.NoContent, rollback.Status);
        var row = (await world.EndUsersAsync())[mover.EndUserId];
        Assert.Equal((false, null, hashBefore), (row.MigratedToSso, row.SsoAccountId, row.LegacyPasswordHash));
        Assert.Equal(MigrationOutcomeStatus.RolledBack, (await world.ResultOfAsync(mover)).Status);
        Assert.Null(await NextLoginCalls.AccountAsync(api.Services, mover.Email));
        // The batch is closed: the portal's form is a legacy log-in again, with the same password.
        using var portal = new SsoDriver(api);
        var login = await portal.LegacyLoginAsync(mover.Email, mover.Password);
        Assert.Equal(HttpStatusCode.OK, login.Status);
        Assert.False(login.Json!["movedToSso"]!.GetValue<bool>());
        Assert.False((await world.EndUsersAsync())[mover.EndUserId].MigratedToSso);
    }
}
