using System.Net;
using System.Text.Json.Nodes;
using Api.Audit;
using Api.Shared;
using Api.Portal;
using Api.Tests.Admin;
using Api.Tests.Sso;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Api.Tests.Migration;

/// <summary>The readiness check (dry run) and exclusions: what the operator learns before a run, and that looking changes nothing.</summary>
[Collection(SsoCollection.Name)]
public sealed class ReadinessTests(SsoApiFactory api)
{
    [Fact]
    public async Task The_dry_run_reports_links_owner_requests_and_every_problem_and_leaves_every_table_unchanged()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var plain = await world.EndUserAsync(SsoUserState.Legacy);
        // An account this partner created earlier (kept for a role it gave in another product): linked.
        var linked = await LeftBehindUsers.WithAccountElsewhereAsync(api.Services, world.Clients[0], managedBy: PartnerSteward.Of(world.Partner.Id));
        // Someone else's account (another product's user): its owner will be asked, and their roles are theirs.
        var asked = await LeftBehindUsers.WithAccountElsewhereAsync(api.Services, world.Clients[0]);
        var noEmail = await LeftBehindUsers.AddLegacyAsync(api.Services, world.Clients[0], $"someone-{Guid.NewGuid():N}@example.invalid");
        var tag = Guid.NewGuid().ToString("N")[..10];
        var canonical = await LeftBehindUsers.AddLegacyAsync(api.Services, world.Clients[0], $"twin-{tag}@example.test");
        var variant = await LeftBehindUsers.AddLegacyAsync(api.Services, world.Clients[1], $"Twin-{tag}@Example.test");
        var disabled = await world.EndUserAsync(SsoUserState.Legacy, enabled: false);
        var locked = await world.EndUserAsync(SsoUserState.Legacy);
        await LockOutAsync(locked.Email);
        var migrated = await world.EndUserAsync(SsoUserState.Enrolled);
        var @operator = await AdminWorld.OperatorAsync(api.Services);
        using var browser = new SsoDriver(api);
        var id = await @operator.CreateBatchAsync(browser, world.Clients);

        var before = await StoreSnapshot.TakeAsync(api.Services);
        var answer = await @operator.GetAsync(browser, $"{MigrationCalls.Batches}/{id}/readiness");
        var again = await @operator.GetAsync(browser, $"{MigrationCalls.Batches}/{id}/readiness");
        var after = await StoreSnapshot.TakeAsync(api.Services);

        Assert.True(before.Differences(after).Count == 0, $"the dry run wrote: {string.Join(", ", before.Differences(after))}");
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(answer.Body, again.Body);
        var report = answer.Json!;
        Assert.Equal(9, report["total"]!.GetValue<int>());
        Assert.Equal(4, report["toMigrate"]!.GetValue<int>()); // plain, the canonical twin, disabled, locked
        Assert.Equal(1, report["toLink"]!.GetValue<int>());
        Assert.Equal(1, report["awaitingOwner"]!.GetValue<int>());
        Assert.Equal(0, report["excluded"]!.GetValue<int>());
        Assert.Equal(6, report["problems"]!.GetValue<int>());
        var users = report["users"]!.AsArray().ToDictionary(u => Guid.Parse(u!["endUserId"]!.GetValue<string>()), u => u!);
        Assert.DoesNotContain(plain.EndUserId, users.Keys);
        AssertUser(users[linked.EndUserId], "link", []);
        Assert.Equal([ProductRoles.RmmTechnician], Strings(users[linked.EndUserId]["keptRoles"]));
        AssertUser(users[asked.EndUserId], "awaiting-owner", []);
        Assert.Empty(Strings(users[asked.EndUserId]["keptRoles"]));
        AssertUser(users[noEmail], "skip", ["no-usable-email"]);
        AssertUser(users[canonical], "migrate", ["duplicate-email"]);
        AssertUser(users[variant], "skip", ["duplicate-email"]);
        AssertUser(users[disabled.EndUserId], "migrate", ["disabled"]);
        AssertUser(users[locked.EndUserId], "migrate", ["locked"]);
        AssertUser(users[migrated.EndUserId], "skip", ["already-migrated"]);
        Assert.Equal(world.Partner.Name, users[noEmail]["partnerName"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_excluded_user_is_listed_as_excluded_with_the_operator_named_and_can_be_taken_back()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var user = await world.EndUserAsync(SsoUserState.Legacy);
        var outsider = await AdminWorld.CreateAsync(api.Services, clients: 1);
        var stranger = await outsider.EndUserAsync(SsoUserState.Legacy);
        var @operator = await AdminWorld.OperatorAsync(api.Services);
        using var browser = new SsoDriver(api);
        var id = await @operator.CreateBatchAsync(browser, world.Clients);
        var path = $"{MigrationCalls.Batches}/{id}/exclusions/{user.EndUserId}";

        Assert.Equal(HttpStatusCode.NoContent, (await @operator.SendAsync(browser, HttpMethod.Put, path, new { excluded = true })).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await @operator.SendAsync(browser, HttpMethod.Put, path, new { excluded = true })).Status);
        var results = await @operator.GetAsync(browser, $"{MigrationCalls.Batches}/{id}/results?status=excluded");
        var readiness = await @operator.GetAsync(browser, $"{MigrationCalls.Batches}/{id}/readiness");
        var summary = await @operator.GetAsync(browser, $"{MigrationCalls.Batches}/{id}");
        var notInBatch = await @operator.SendAsync(browser, HttpMethod.Put, $"{MigrationCalls.Batches}/{id}/exclusions/{stranger.EndUserId}", new { excluded = true });
        var badFilter = await @operator.GetAsync(browser, $"{MigrationCalls.Batches}/{id}/results?status=sideways");

        var row = Assert.Single(results.Json!["items"]!.AsArray())!;
        Assert.Equal("excluded", row["status"]!.GetValue<string>());
        Assert.StartsWith("Excluded by Operator ", row["reason"]!.GetValue<string>());
        Assert.Equal(1, results.Json!["total"]!.GetValue<int>());
        var excluded = Assert.Single(readiness.Json!["users"]!.AsArray())!;
        Assert.Equal("excluded", excluded["outcome"]!.GetValue<string>());
        Assert.True(excluded["excluded"]!.GetValue<bool>());
        Assert.Equal(1, summary.Json!["counts"]!["excluded"]!.GetValue<int>());
        Assert.Equal(0, summary.Json!["counts"]!["pending"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NotFound, notInBatch.Status);
        Assert.Equal(HttpStatusCode.BadRequest, badFilter.Status);
        var audit = Assert.Single(await AdminCalls.AuditOfAsync(api.Services, user.EndUserId, AuditActions.UserExcluded));
        Assert.Equal(world.Partner.Id, audit.PartnerId);

        Assert.Equal(HttpStatusCode.NoContent, (await @operator.SendAsync(browser, HttpMethod.Put, path, new { excluded = false })).Status);
        Assert.Equal(0, (await @operator.GetAsync(browser, $"{MigrationCalls.Batches}/{id}/results")).Json!["total"]!.GetValue<int>());
        Assert.Equal(2, (await AdminCalls.AuditOfAsync(api.Services, user.EndUserId, AuditActions.UserExcluded)).Count);
    }

    private static void AssertUser(JsonNode user, string outcome, string[] problems)
    {
        Assert.Equal(outcome, user["outcome"]!.GetValue<string>());
        Assert.Equal(problems, Strings(user["problems"]));
    }

    private static string[] Strings(JsonNode? array) => [.. array!.AsArray().Select(n => n!.GetValue<string>())];

    /// <summary>Sign-in paused for this e-mail, as five wrong passwords leave it.</summary>
    private async Task LockOutAsync(string email) =>
        await api.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase()
            .StringSetAsync($"sso:fail:account:{email}", 5, TimeSpan.FromMinutes(15));
}
