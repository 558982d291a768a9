using System.Net;
using Api.Data;
using Api.Shared;
using Api.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Webhooks;

/// <summary>Settings &gt; Webhooks through the admin API: partner admins only, their own endpoints only, ten at most, every change audited.</summary>
[Collection(WebhookCollection.Name)]
public sealed class WebhookEndpointAdminTests(WebhookApiFactory api)
{
    [Fact]
    [Trait("ASVS", "11.1.4")]
    public async Task Fifty_parallel_creates_make_exactly_ten_endpoints()
    {
        var world = await WebhookWorld.CreateAsync(api);

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => world.Staff.PostAsync(world.Browser, "/api/admin/webhooks/endpoints",
            new { url = $"http://127.0.0.1:9/hook{i}", events = new[] { WebhookEventTypes.EndUserCreated } })));

        Assert.Equal(10, answers.Count(a => a.Status == HttpStatusCode.Created));
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.Created), a =>
        {
            Assert.Equal(HttpStatusCode.Conflict, a.Status);
            Assert.Contains("already has 10 webhook endpoints", a.Detail);
        });
        var list = await world.Staff.GetAsync(world.Browser, "/api/admin/webhooks/endpoints");
        Assert.Equal(10, System.Text.Json.Nodes.JsonNode.Parse(list.Body)!.AsArray().Count);
        await using var scope = api.Services.CreateAsyncScope();
        Assert.Equal(10, await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEvents
            .CountAsync(e => e.PartnerId == world.Admin.Partner.Id && e.Action == WebhookAuditActions.EndpointCreated));
    }

    [Fact]
    public async Task The_secret_is_shown_once_and_a_rotated_secret_signs_from_then_on()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var world = await WebhookWorld.CreateAsync(api);
        var (endpointId, first) = await world.RegisterAsync(receiver.Url("/ok"));
        Assert.StartsWith("whsec_", first);

        var read = await world.Staff.GetAsync(world.Browser, $"/api/admin/webhooks/endpoints/{endpointId}");
        var listed = await world.Staff.GetAsync(world.Browser, "/api/admin/webhooks/endpoints");
        Assert.DoesNotContain(first[6..], read.Body);
        Assert.DoesNotContain(first[6..], listed.Body);

        var rotated = await world.Staff.PostAsync(world.Browser, $"/api/admin/webhooks/endpoints/{endpointId}/secret");
        var second = rotated.String("secret")!;
        Assert.NotEqual(first, second);
        receiver.Secret = second;
        await world.Staff.PostAsync(world.Browser, $"/api/admin/webhooks/endpoints/{endpointId}/test");
        await world.DispatchAsync();
        Assert.True(Assert.Single(receiver.Received).VerifiedByLibrary);
        Assert.Equal(WebhookEventTypes.Test, System.Text.Json.Nodes.JsonNode.Parse(receiver.Received.Single().Body)!["type"]!.GetValue<string>());
    }

    [Fact]
    [Trait("ASVS", "4.2.1")]
    public async Task Another_partners_endpoints_answer_404_and_stay_unchanged()
    {
        var owner = await WebhookWorld.CreateAsync(api);
        var (endpointId, _) = await owner.RegisterAsync("http://127.0.0.1:9/hook");
        await owner.Staff.PostAsync(owner.Browser, $"/api/admin/webhooks/endpoints/{endpointId}/test");
        var deliveryId = (await owner.DeliveriesAsync(endpointId)).Single().Id;
        var other = await WebhookWorld.CreateAsync(api);

        (HttpMethod Method, string Path)[] calls =
        [
            (HttpMethod.Get, $"/api/admin/webhooks/endpoints/{endpointId}"),
            (HttpMethod.Put, $"/api/admin/webhooks/endpoints/{endpointId}"),
            (HttpMethod.Post, $"/api/admin/webhooks/endpoints/{endpointId}/disable"),
            (HttpMethod.Post, $"/api/admin/webhooks/endpoints/{endpointId}/enable"),
            (HttpMethod.Post, $"/api/admin/webhooks/endpoints/{endpointId}/secret"),
            (HttpMethod.Post, $"/api/admin/webhooks/endpoints/{endpointId}/test"),
            (HttpMethod.Get, $"/api/admin/webhooks/endpoints/{endpointId}/deliveries"),
            (HttpMethod.Post, $"/api/admin/webhooks/endpoints/{endpointId}/deliveries/{deliveryId}/replay"),
            (HttpMethod.Delete, $"/api/admin/webhooks/endpoints/{endpointId}"),
        ];
        foreach (var (method, path) in calls)
        {
            var body = method == HttpMethod.Put ? new { url = "http://127.0.0.1:9/stolen", events = new[] { WebhookEventTypes.EndUserCreated } } : null;
            var answer = await other.Staff.SendAsync(other.Browser, method, path, body);
            Assert.True(answer.Status == HttpStatusCode.NotFound, $"{method} {path}: {answer}");
        }

        var still = await owner.Staff.GetAsync(owner.Browser, $"/api/admin/webhooks/endpoints/{endpointId}");
        Assert.Equal("http://127.0.0.1:9/hook", still.String("url"));
        Assert.True(still.Json!["enabled"]!.GetValue<bool>());
        Assert.Empty((await other.Staff.GetAsync(other.Browser, "/api/admin/webhooks/endpoints")).Body.Trim('[', ']'));
    }

    [Fact]
    [Trait("ASVS", "4.2.1")]
    public async Task Technicians_are_refused_and_operators_are_told_webhooks_belong_to_a_partner()
    {
        var world = await WebhookWorld.CreateAsync(api);
        var technician = await world.Admin.StaffAsync(ProductRoles.PartnerTechnician);
        var operatorLogin = await AdminWorld.OperatorAsync(api.Services);

        Assert.Equal(HttpStatusCode.Forbidden, (await technician.GetAsync(world.Browser, "/api/admin/webhooks/endpoints")).Status);
        var answer = await operatorLogin.PostAsync(world.Browser, "/api/admin/webhooks/endpoints", new { url = "http://127.0.0.1:9/hook", events = new[] { WebhookEventTypes.EndUserCreated } });
        Assert.Equal(HttpStatusCode.Conflict, answer.Status);
        Assert.Contains("ask the partner's admin", answer.Detail);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_sentence_naming_the_field()
    {
        var world = await WebhookWorld.CreateAsync(api);

        var noEvents = await world.Staff.PostAsync(world.Browser, "/api/admin/webhooks/endpoints", new { url = "http://127.0.0.1:9/hook", events = Array.Empty<string>() });
        var unknown = await world.Staff.PostAsync(world.Browser, "/api/admin/webhooks/endpoints", new { url = "http://127.0.0.1:9/hook", events = new[] { "end_user.exploded" } });
        var noUrl = await world.Staff.PostAsync(world.Browser, "/api/admin/webhooks/endpoints", new { url = "hooks", events = new[] { WebhookEventTypes.EndUserCreated } });

        Assert.Equal("Choose at least one event to send to this endpoint.", noEvents.Errors!["events"]![0]!.GetValue<string>());
        Assert.Contains("There is no event called", unknown.Errors!["events"]![0]!.GetValue<string>());
        Assert.Contains("full address", noUrl.Errors!["url"]![0]!.GetValue<string>());
    }
}
