using System.Net;
using System.Net.Http.Json;
using AppHost;
using EndToEnd.Tests.Infrastructure;

namespace EndToEnd.Tests.Stack;

[Collection(StackCollection.Name)]
public sealed class StackStartupTests(StackFixture stack)
{
    [Fact]
    public async Task Every_resource_of_the_embedded_stack_becomes_healthy()
    {
        foreach (var name in new[] { ResourceNames.Cache, ResourceNames.Mail, ResourceNames.Api, ResourceNames.WebClient, ResourceNames.RmmConsole, ResourceNames.WebhookReceiver })
        {
            Assert.True(stack.App.ResourceNotifications.TryGetCurrentState(name, out var state), $"{name} is not known to the app host");
            Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, state!.Snapshot.HealthStatus);
        }

        Assert.True(stack.StartedIn < StackFixture.StartTimeout);
    }

    [Fact]
    public async Task The_portal_origin_proxies_the_api_which_reports_sql_and_the_cache_up()
    {
        using var http = new HttpClient { BaseAddress = stack.PortalUrl };

        var status = await http.GetFromJsonAsync<StatusView>("/api/status");

        // "up" means the Api read SQL and wrote to the cache; anonymous callers learn nothing more.
        Assert.Equal("up", status!.Status);
    }

    [Fact]
    public async Task The_mail_inbox_answers_on_its_own_address()
    {
        using var http = new HttpClient { BaseAddress = stack.MailInboxUrl };
        var response = await http.GetAsync("/api/messages?pageSize=1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_webhook_receiver_keeps_a_delivery_for_an_address_without_a_secret_and_shows_it_unverified()
    {
        using var http = new HttpClient { BaseAddress = stack.WebhookReceiverUrl };
        var page = await http.GetStringAsync("/");
        Assert.Contains("Webhook deliveries", page, StringComparison.Ordinal);

        // A partner who has not pasted the endpoint's secret yet still sees what arrived, marked unverified.
        using var unsigned = new StringContent("""{"type":"end_user.disabled"}""", System.Text.Encoding.UTF8, "application/json");
        unsigned.Headers.Add("webhook-id", "msg_stack_check");
        unsigned.Headers.Add("webhook-timestamp", DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        unsigned.Headers.Add("webhook-signature", "v1,AAAA");
        var answer = await http.PostAsync("/hooks/stack-check", unsigned);
        Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);
        var arrivals = await http.GetStringAsync("/arrivals.json");
        Assert.Contains("\"NoSecretSet\"", arrivals, StringComparison.Ordinal);
    }

    private sealed record StatusView(string Status);
}
