using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using Api.Status;
using Api.Sso.Sessions;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Foundation;

[Collection(ApiCollection.Name)]
public sealed class FoundationTests(ApiFactory api)
{
    [Fact]
    public async Task Status_answers_up_once_sql_and_the_cache_have_both_answered()
    {
        using var client = api.CreateClient();

        var status = await client.GetFromJsonAsync<ServiceStatus>("/api/status");

        // The anonymous status reads SQL and writes the cache (ExposureTests: it says nothing else).
        Assert.Equal("up", status!.Status);
    }

    [Fact]
    public async Task Health_reports_healthy_when_database_and_cache_answer()
    {
        using var client = api.CreateClient();
        var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_protected_endpoint_refuses_a_request_without_a_token()
    {
        using var client = api.CreateClient();
        var response = await client.GetAsync("/api/portal/me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_protected_endpoint_answers_a_request_with_a_valid_token()
    {
        using var client = api.CreateClient();
        var sessions = api.Services.GetRequiredService<SsoSessionStore>();
        var (session, _) = await sessions.CreateAsync("user-1", ["pwd", "mfa"], legacy: false);
        var token = TestTokens.Create(api.Services, [new Claim("sub", "user-1"), new Claim("sid", session.Id)]);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var response = await client.GetAsync("/api/portal/me");

        // Authenticated, but user-1 is no portal end user: the Api says so instead of 401.
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_routes_answer_with_problem_details_not_an_html_page()
    {
        using var client = api.CreateClient();
        var response = await client.GetAsync("/api/does-not-exist");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api()
    {
        using var client = api.CreateClient();
        var document = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/status", document);
    }
}
