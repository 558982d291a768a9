using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using EndToEnd.Tests.Infrastructure;
using EndToEnd.Tests.Pages.Admin;

namespace EndToEnd.Tests.Browser;

/// <summary>
/// Issue 22's API clients, in a real browser against the AppHost-started stack: a partner admin
/// creates an API client in Settings and copies its secret; a script exchanges it at the token
/// endpoint and lists the partner's end users through the admin API; once revoked, the same token answers 401.
/// </summary>
public sealed class ApiClientJourneyTests(StackFixture stack, BrowserFixture browser) : JourneyTest(stack, browser)
{
    [Fact]
    public Task A_partner_admin_creates_an_API_client_a_script_reads_the_partners_users_with_it_and_revoking_it_stops_the_token() => JourneyAsync(async () =>
    {
        await SignInToAdminAreaAsync(Page, DevelopmentAccounts.PaulaAdmin);
        var apiClients = await new ApiClientsPage(Page).OpenAsync();
        await AssertAccessibleAsync("Admin: API clients");
        var name = $"E2E script {DateTime.UtcNow:HHmmssfff}";

        var credentials = await apiClients.CreateAsync(name, "admin.read");

        using var http = new HttpClient { BaseAddress = Stack.PortalUrl };
        var token = await TokenAsync(http, credentials);
        var users = await ListEndUsersAsync(http, token);
        Assert.Equal(HttpStatusCode.OK, users.StatusCode);
        var body = await users.Content.ReadAsStringAsync();
        Assert.Contains("@northwind.test", body, StringComparison.Ordinal);
        Assert.DoesNotContain("@wingtip", body, StringComparison.Ordinal);

        await apiClients.RevokeAsync(name);

        Assert.Equal(HttpStatusCode.Unauthorized, (await ListEndUsersAsync(http, token)).StatusCode);
    });

    private static async Task<string> TokenAsync(HttpClient http, ApiClientCredentials credentials)
    {
        var answer = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = credentials.ClientId,
            ["client_secret"] = credentials.Secret,
            ["scope"] = "admin.read",
        }));
        var json = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!;
        Assert.True(answer.IsSuccessStatusCode, $"token endpoint: {(int)answer.StatusCode} {json.ToJsonString()}");
        return json["access_token"]!.GetValue<string>();
    }

    private static async Task<HttpResponseMessage> ListEndUsersAsync(HttpClient http, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/admin/end-users?pageSize=200");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request);
    }
}
