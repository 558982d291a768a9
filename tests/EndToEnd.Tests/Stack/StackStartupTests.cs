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
        foreach (var name in new[] { ResourceNames.Cache, ResourceNames.Mail, ResourceNames.Api, ResourceNames.WebClient, ResourceNames.RmmConsole })
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

    private sealed record StatusView(string Status);
}
