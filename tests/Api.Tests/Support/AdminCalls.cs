using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Api.Audit;
using Api.Data;
using Api.Mail;
using Api.Portal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Support;

/// <summary>Calls to the admin area as the SPA makes them, and what a test reads back (rows, audit, links).</summary>
internal static class AdminCalls
{
    public static async Task<SsoResponse> SendAsync(this StaffLogin staff, SsoDriver browser, HttpMethod method, string path, object? body = null)
    {
        using var request = staff.Request(method, path, body is null ? null : JsonContent.Create(body));
        return await SsoResponse.ReadAsync(await browser.Http.SendAsync(request));
    }

    public static Task<SsoResponse> PostAsync(this StaffLogin staff, SsoDriver browser, string path, object? body = null) =>
        staff.SendAsync(browser, HttpMethod.Post, path, body);

    public static Task<SsoResponse> GetAsync(this StaffLogin staff, SsoDriver browser, string path) =>
        staff.SendAsync(browser, HttpMethod.Get, path);

    /// <summary>Adds an end user through the API; returns its id.</summary>
    public static async Task<Guid> AddAsync(this StaffLogin staff, SsoDriver browser, Client client, string email, string name = "New Person", string role = EndUserRoles.EndUser)
    {
        var answer = await staff.PostAsync(browser, "/api/admin/end-users", new { clientId = client.Id, name, email, role });
        Assert.True(answer.Status == System.Net.HttpStatusCode.Created, answer.ToString());
        return Guid.Parse(answer.String("id")!);
    }

    public static string NewEmail() => $"new-{Guid.NewGuid():N}@admin-tests.example";

    /// <summary>Marks a client as migrated to SSO: its new users are created on SSO.</summary>
    public static async Task MigrateClientAsync(IServiceProvider services, Client client)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Clients.Where(c => c.Id == client.Id).ExecuteUpdateAsync(set => set.SetProperty(c => c.MigratedToSsoAt, DateTime.UtcNow));
    }

    public static async Task<EndUser> EndUserAsync(IServiceProvider services, Guid id)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().EndUsers.AsNoTracking().SingleAsync(u => u.Id == id);
    }

    public static async Task<List<AuditEvent>> AuditOfAsync(IServiceProvider services, Guid targetId, string? action = null)
    {
        await using var scope = services.CreateAsyncScope();
        var target = targetId.ToString();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEvents.AsNoTracking()
            .Where(e => e.TargetId == target && (action == null || e.Action == action))
            .ToListAsync();
    }

    /// <summary>The token of the portal's set-password link in an invitation: https://localhost/set-password?token=….</summary>
    public static string SetPasswordTokenIn(OutboxMessage message)
    {
        var match = Regex.Match(message.TextBody, @"https://localhost/set-password\?token=(?<token>[A-Za-z0-9._~%-]+)");
        Assert.True(match.Success, $"no set-password link in: {message.TextBody}");
        return Uri.UnescapeDataString(match.Groups["token"].Value);
    }

    /// <summary>A not-yet-migrated user added by an admin, as the legacy login form knows them.</summary>
    public static TestUser LegacyUser(Guid id, string email, string password) => new()
    {
        Email = email,
        Password = password,
        DisplayName = "New Person",
        EndUserId = id,
        ClientName = "",
        PartnerName = "",
    };
}
