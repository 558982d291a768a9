using System.Net;
using System.Net.Sockets;
using Api.Data;
using Api.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Webhooks;

/// <summary>
/// SSRF: outside Development an endpoint may only be a public https address — checked when it is
/// registered and again, by resolving the name afresh, at every connection — so nobody can point
/// the platform's dispatcher at its own network or the cloud's metadata service.
/// </summary>
public sealed class WebhookAddressTests(ProductionRulesWebhookApiFactory api) : IClassFixture<ProductionRulesWebhookApiFactory>
{
    [Theory]
    [Trait("ASVS", "5.2.6")]
    [Trait("ASVS", "12.6.1")]
    [InlineData("10.0.0.5")]
    [InlineData("172.16.4.4")]
    [InlineData("192.168.1.10")]
    [InlineData("127.0.0.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("fd00::1")]
    [InlineData("::ffff:10.0.0.5")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("ff02::1")]
    public async Task A_name_resolving_to_a_private_loopback_or_link_local_address_is_refused_at_registration(string address)
    {
        var host = $"r{Guid.NewGuid():N}.partner.example";
        api.Resolver.Set(host, "203.0.113.10", address); // one bad address among good ones is enough to refuse
        var world = await WebhookWorld.CreateAsync(api);

        var answer = await world.Staff.PostAsync(world.Browser, "/api/admin/webhooks/endpoints", new { url = $"https://{host}/hook", events = new[] { WebhookEventTypes.EndUserDisabled } });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("private, local or reserved", answer.Errors!["url"]![0]!.GetValue<string>());
        Assert.Empty(await EndpointsOfAsync(world));
    }

    [Theory]
    [Trait("ASVS", "5.2.6")]
    [Trait("ASVS", "12.6.1")]
    [InlineData("http://hooks.partner.example/in", "https://")]
    [InlineData("https://unknown-host.partner.example/in", "could not find the host")]
    [InlineData("https://user:pw@hooks.partner.example/in", "user name, password")]
    [InlineData("ftp://hooks.partner.example/in", "https://")]
    public async Task Plain_http_unknown_hosts_and_credentials_in_the_url_are_refused(string url, string sentence)
    {
        api.Resolver.Set("hooks.partner.example", "203.0.113.10");
        var world = await WebhookWorld.CreateAsync(api);

        var answer = await world.Staff.PostAsync(world.Browser, "/api/admin/webhooks/endpoints", new { url, events = new[] { WebhookEventTypes.EndUserDisabled } });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains(sentence, answer.Errors!["url"]![0]!.GetValue<string>());
    }

    [Theory]
    [Trait("ASVS", "5.2.6")]
    [Trait("ASVS", "12.6.1")]
    [InlineData("127.0.0.1")]
    [InlineData("10.0.0.5")]
    [InlineData("169.254.169.254")]
    public async Task A_name_that_resolves_to_a_refused_address_at_connect_time_is_not_connected_to(string rebound)
    {
        // A listener on this machine stands in for the internal service; it must never see a connection.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var host = $"rebind{Guid.NewGuid():N}.partner.example";
        api.Resolver.Set(host, "203.0.113.10");
        var world = await WebhookWorld.CreateAsync(api);
        var (endpointId, _) = await world.RegisterAsync($"https://{host}:{port}/hook");

        // DNS rebinding: the name now answers with an internal address (for a loopback listener, the real one).
        api.Resolver.Set(host, rebound);
        await world.Staff.PostAsync(world.Browser, $"/api/admin/webhooks/endpoints/{endpointId}/test");
        await world.DispatchAsync();

        var attempt = Assert.Single(await world.AttemptsAsync(endpointId));
        Assert.False(attempt.Succeeded);
        Assert.Null(attempt.ResponseCode);
        Assert.Contains("private, local or reserved", attempt.Error);
        Assert.False(listener.Pending(), "a connection was attempted to a refused address");
    }

    [Fact]
    [Trait("ASVS", "5.2.6")]
    [Trait("ASVS", "12.6.1")]
    public void The_address_rules_refuse_every_internal_range_and_allow_public_ones()
    {
        string[] refused = ["10.1.2.3", "127.0.0.1", "127.8.8.8", "169.254.169.254", "172.16.0.1", "172.31.255.255", "192.168.0.1", "100.64.0.1", "100.127.255.255",
            "0.0.0.0", "224.0.0.1", "255.255.255.255", "::", "::1", "fe80::1", "fc00::1", "fdff::1", "ff02::1", "::ffff:169.254.169.254", "::ffff:192.168.0.1", "::127.0.0.1"];
        string[] allowed = ["203.0.113.10", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111", "::ffff:8.8.8.8"];

        Assert.All(refused, a => Assert.False(WebhookAddressRules.IsAllowed(IPAddress.Parse(a), allowLoopback: false), a));
        Assert.All(allowed, a => Assert.True(WebhookAddressRules.IsAllowed(IPAddress.Parse(a), allowLoopback: false), a));
        // Development's loopback allowance lets this machine through, and nothing else.
        Assert.True(WebhookAddressRules.IsAllowed(IPAddress.Parse("127.0.0.1"), allowLoopback: true));
        Assert.True(WebhookAddressRules.IsAllowed(IPAddress.Parse("::1"), allowLoopback: true));
        Assert.False(WebhookAddressRules.IsAllowed(IPAddress.Parse("10.0.0.5"), allowLoopback: true));
        Assert.False(WebhookAddressRules.IsAllowed(IPAddress.Parse("169.254.169.254"), allowLoopback: true));
    }

    private async Task<List<WebhookEndpoint>> EndpointsOfAsync(WebhookWorld world)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().WebhookEndpoints.Where(e => e.PartnerId == world.Admin.Partner.Id).ToListAsync();
    }
}
