using System.Net;
using Api.Data;
using Api.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Api.Tests.Webhooks;

/// <summary>
/// A partner with an admin signed in, an endpoint registered through the admin API, and the
/// dispatchers a test runs on its own clock (the Api's own is off in <see cref="WebhookApiFactory"/>).
/// </summary>
public sealed class WebhookWorld(WebhookApiFactory api, AdminWorld admin, StaffLogin staff, SsoDriver browser)
{
    public AdminWorld Admin { get; } = admin;
    public StaffLogin Staff { get; } = staff;
    public SsoDriver Browser { get; } = browser;

    /// <summary>A minute ahead of the real time, so events the test's requests raise are due at once; tests move it on.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow.AddMinutes(1));

    /// <summary>
    /// A new partner; deliveries earlier tests left on their way are closed first (their receivers
    /// are gone), so this test's dispatchers find only its own due.
    /// </summary>
    public static async Task<WebhookWorld> CreateAsync(WebhookApiFactory api)
    {
        await using (var scope = api.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().WebhookDeliveries
                .Where(d => d.DeliveredAt == null && d.FailedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(d => d.FailedAt, DateTime.UtcNow));
        }

        var admin = await AdminWorld.CreateAsync(api.Services);
        return new WebhookWorld(api, admin, await admin.StaffAsync(), new SsoDriver(api));
    }

    /// <summary>Registers an endpoint through the admin API; its id and its secret (shown once).</summary>
    public async Task<(Guid Id, string Secret)> RegisterAsync(string url, params string[] events)
    {
        var answer = await Staff.PostAsync(Browser, "/api/admin/webhooks/endpoints",
            new { url, description = "Test receiver", events = events.Length == 0 ? WebhookEventTypes.All.ToArray() : events });
        Assert.True(answer.Status == HttpStatusCode.Created, answer.ToString());
        return (Guid.Parse(answer.Json!["endpoint"]!["id"]!.GetValue<string>()), answer.String("secret")!);
    }

    /// <summary>A dispatcher as a replica runs it, on the test's clock (its sender's timeout too).</summary>
    public WebhookDispatcher Dispatcher()
    {
        var sender = ActivatorUtilities.CreateInstance<WebhookSender>(api.Services, Clock);
        return ActivatorUtilities.CreateInstance<WebhookDispatcher>(api.Services, Clock, sender);
    }

    /// <summary>Delivers until nothing is due now.</summary>
    public async Task DispatchAsync()
    {
        var dispatcher = Dispatcher();
        while (await dispatcher.DeliverNextAsync(CancellationToken.None))
        {
        }
    }

    public async Task<List<WebhookDelivery>> DeliveriesAsync(Guid endpointId)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().WebhookDeliveries.AsNoTracking()
            .Include(d => d.Event).Where(d => d.EndpointId == endpointId).OrderBy(d => d.CreatedAt).ToListAsync();
    }

    public async Task<List<WebhookAttempt>> AttemptsAsync(Guid endpointId)
    {
        await using var scope = api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().WebhookAttempts.AsNoTracking()
            .Where(a => a.EndpointId == endpointId).OrderBy(a => a.At).ThenBy(a => a.Id).ToListAsync();
    }
}
