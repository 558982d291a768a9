using System.Net;
using Api.Shared;

namespace Api.Tests.Admin.ApiClients;

/// <summary>
/// Every limit and single-use thing of API clients with fifty requests at once: the number of
/// active clients per partner, the per-client request budget (429 + Retry-After), the token
/// endpoint's failed-authentication limit, and rotations that never leave more than two secrets working.
/// </summary>
public sealed class ApiClientParallelTests(ApiClientLimitsApiFactory api) : IClassFixture<ApiClientLimitsApiFactory>
{
    [Fact]
    public async Task Fifty_parallel_creates_stop_at_twenty_active_clients()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        using var steps = new ApiClientSteps(api);
        var admin = await world.StaffAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            steps.SendAsync(admin, HttpMethod.Post, "/api/admin/api-clients", new { name = $"Script {i}", scopes = new[] { "admin.read" } })));

        Assert.Equal(20, answers.Count(a => a.Status == HttpStatusCode.Created));
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.Created), a => ApiClientTests.AssertRefused(HttpStatusCode.Conflict, a, "20 active API clients"));
        var list = await steps.SendAsync(admin, HttpMethod.Get, "/api/admin/api-clients?pageSize=100");
        Assert.Equal(20, list.Json!["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Fifty_parallel_requests_of_one_client_pass_its_budget_only_and_the_rest_answer_429_with_Retry_After()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        using var steps = new ApiClientSteps(api);
        var admin = await world.StaffAsync();
        var script = await steps.TokenAsync(await steps.CreateAsync(admin, "admin.read"));
        var other = await steps.TokenAsync(await steps.CreateAsync(admin, "admin.read"));

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => steps.SendAsync(script, HttpMethod.Get, "/api/admin/clients")));

        Assert.Equal(ApiClientLimitsApiFactory.RequestsPerWindow, answers.Count(a => a.Status == HttpStatusCode.OK));
        var refused = answers.Where(a => a.Status != HttpStatusCode.OK).ToList();
        Assert.Equal(50 - ApiClientLimitsApiFactory.RequestsPerWindow, refused.Count);
        Assert.All(refused, a =>
        {
            ApiClientTests.AssertRefused(HttpStatusCode.TooManyRequests, a, "too many requests");
            Assert.InRange(long.Parse(a.Raw.Headers.RetryAfter!.ToString(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        });
        // The budget is the client's: another client of the same partner, and the partner admin, are not held back.
        Assert.Equal(HttpStatusCode.OK, (await steps.SendAsync(other, HttpMethod.Get, "/api/admin/clients")).Status);
        Assert.Equal(HttpStatusCode.OK, (await steps.SendAsync(admin, HttpMethod.Get, "/api/admin/clients")).Status);
    }

    [Fact]
    public async Task Guessing_a_clients_secret_stops_at_the_failure_limit_with_429_and_Retry_After()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        using var steps = new ApiClientSteps(api);
        var created = await steps.CreateAsync(await world.StaffAsync(), "admin.read");

        var guesses = await Task.WhenAll(Enumerable.Range(0, ApiClientLimitsApiFactory.FailedAuthentications + 20)
            .Select(i => steps.TokenAnswerAsync(created.ClientId, $"guess-{i}-{Guid.NewGuid():N}")));

        Assert.Equal(ApiClientLimitsApiFactory.FailedAuthentications, guesses.Count(g => g.Status != HttpStatusCode.TooManyRequests));
        Assert.All(guesses, g => Assert.Equal("invalid_client", g.Json!["error"]!.GetValue<string>()));
        var right = await steps.TokenAnswerAsync(created.ClientId, created.Secret);
        Assert.Equal(HttpStatusCode.TooManyRequests, right.Status);
        Assert.NotNull(right.Raw.Headers.RetryAfter);
        Assert.Contains("Try again in", right.Json!["error_description"]!.GetValue<string>());
    }

    [Fact]
    public async Task Fifty_parallel_rotations_leave_two_working_secrets_never_more()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        using var steps = new ApiClientSteps(api);
        var admin = await world.StaffAsync();
        var created = await steps.CreateAsync(admin, "admin.read");

        var rotations = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ =>
            steps.SendAsync(admin, HttpMethod.Post, $"/api/admin/api-clients/{created.Id}/rotate-secret")));

        Assert.All(rotations, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        var secrets = rotations.Select(r => r.Json!["clientSecret"]!.GetValue<string>()).Prepend(created.Secret).ToList();
        Assert.Equal(51, secrets.Distinct().Count());
        var working = new List<string>();
        foreach (var secret in secrets)
        {
            if ((await steps.TokenAnswerAsync(created.ClientId, secret)).Status == HttpStatusCode.OK)
            {
                working.Add(secret);
            }
        }

        Assert.Equal(2, working.Count);
    }
}
