using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using EndToEnd.Tests.Infrastructure;
using EndToEnd.Tests.Pages.Admin;
using EndToEnd.Tests.Pages.Receiver;
using static Microsoft.Playwright.Assertions;

namespace EndToEnd.Tests.Browser;

/// <summary>
/// Issue 22's acceptance, in a real browser against the AppHost-started stack: a partner admin
/// creates an API client (for the partner's identity provider, SCIM) and a webhook endpoint pointed
/// at the development receiver; a user provisioned through SCIM and then disabled in Manage Users
/// makes signed <c>end_user.created</c> and <c>end_user.disabled</c> events arrive, verified by the
/// receiver with the StandardWebhooks library, and the endpoint's delivery log shows them.
/// </summary>
public sealed class WebhookJourneyTests(StackFixture stack, BrowserFixture browser) : JourneyTest(stack, browser)
{
    [Fact]
    public Task A_partner_admin_wires_an_API_client_and_a_webhook_and_a_user_provisioned_then_disabled_arrives_signed_at_the_receiver() => JourneyAsync(async () =>
    {
        var stamp = DateTime.UtcNow.ToString("HHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
        var slug = $"psa-{stamp}";
        var receiver = new WebhookReceiverPage(await Context.NewPageAsync(), Stack.WebhookReceiverUrl);
        var address = receiver.AddressOf(slug);

        // Paula creates the API client her identity provider will provision with (scim scope only).
        await SignInToAdminAreaAsync(Page, DevelopmentAccounts.PaulaAdmin);
        var apiClients = await new ApiClientsPage(Page).OpenAsync();
        var provisioning = await apiClients.CreateAsync($"Entra provisioning {stamp}", "scim");

        // …and a webhook endpoint for her PSA, at the receiver, for two events; the secret shows once.
        var webhooks = new WebhooksPage(Page);
        await webhooks.OpenAsync();
        await AssertAccessibleAsync("Admin: Settings > Webhooks");
        var secret = await webhooks.AddEndpointAsync(address, "PSA", "end_user.created", "end_user.disabled");
        await Expect(webhooks.Endpoints.Filter(new() { HasText = address })).ToContainTextAsync("Enabled");
        await receiver.SaveSecretAsync(slug, secret);

        // The identity provider provisions Zoe through SCIM with the API client's token.
        var email = $"zoe.{stamp}@northwind.test";
        using var http = new HttpClient { BaseAddress = Stack.PortalUrl };
        var token = await ClientCredentialsTokenAsync(http, provisioning, "scim");
        using (var create = new HttpRequestMessage(HttpMethod.Post, "/scim/v2/Users"))
        {
            create.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            create.Content = new StringContent($$"""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "userName":"{{email}}","name":{"givenName":"Zoe","familyName":"Provisioned"},
                 "emails":[{"value":"{{email}}","type":"work","primary":true}],"active":true,
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"organization":"Northwind Traders"} }
                """, Encoding.UTF8, "application/scim+json");
            using var created = await http.SendAsync(create);
            Assert.True(created.StatusCode == HttpStatusCode.Created, $"SCIM create: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        }

        // end_user.created arrives, signed: the receiver verified it with the endpoint's secret.
        var createdRow = await receiver.WaitForArrivalAsync(slug, "end_user.created");
        await Expect(createdRow).ToContainTextAsync("Verified");

        // Paula disables Zoe in Manage Users: end_user.disabled arrives, verified, naming Zoe.
        var users = await new AdminNavigation(Page).OpenManageUsersAsync();
        await users.SearchAsync(email);
        await users.RowActionAsync("Zoe Provisioned", "Disable");
        await Expect(users.RowOf("Zoe Provisioned")).ToContainTextAsync("Disabled");
        var disabledRow = await receiver.WaitForArrivalAsync(slug, "end_user.disabled");
        await Expect(disabledRow).ToContainTextAsync("Verified");
        var disabled = await ArrivalAsync(slug, "end_user.disabled");
        Assert.Contains(email, disabled["body"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("msg_", disabled["webhookId"]!.GetValue<string>(), StringComparison.Ordinal);
        await AssertAccessibleAsync("Webhook receiver", receiver.Page);

        // The endpoint's delivery log shows both deliveries, answered 204.
        await webhooks.OpenAsync();
        await webhooks.OpenEndpointAsync(address);
        var logged = await webhooks.WaitForLogRowAsync("end_user.disabled", "Delivered");
        await Expect(logged).ToContainTextAsync("204");
        await webhooks.WaitForLogRowAsync("end_user.created", "Delivered");
        await AssertAccessibleAsync("Admin: a webhook endpoint's delivery log");
    });

    private static async Task<string> ClientCredentialsTokenAsync(HttpClient http, ApiClientCredentials credentials, string scope)
    {
        using var answer = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = credentials.ClientId,
            ["client_secret"] = credentials.Secret,
            ["scope"] = scope,
        }));
        var json = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!;
        Assert.True(answer.IsSuccessStatusCode, $"token endpoint: {(int)answer.StatusCode} {json.ToJsonString()}");
        return json["access_token"]!.GetValue<string>();
    }

    /// <summary>The receiver's record of the newest delivery of this type at this address (its JSON view).</summary>
    private async Task<JsonNode> ArrivalAsync(string slug, string eventType)
    {
        using var http = new HttpClient { BaseAddress = Stack.WebhookReceiverUrl };
        var arrivals = JsonNode.Parse(await http.GetStringAsync("/arrivals.json"))!.AsArray();
        var arrival = arrivals.FirstOrDefault(a => a!["slug"]!.GetValue<string>() == slug && a["eventType"]?.GetValue<string>() == eventType);
        Assert.NotNull(arrival);
        Assert.Equal("Verified", arrival!["signature"]!.GetValue<string>());
        return arrival;
    }
}
