using System.Net.Http.Headers;
using System.Security.Claims;
using Api.Data;
using Api.Webhooks;
using Api.Shared;
using Api.Portal;
using Api.Portal.Tickets;
using Api.Sso.Accounts;
using Api.Sso.Sessions;
using Api.Tests.Sso;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Support;

/// <summary>
/// A partner of its own for one test (so tests never see each other's rows): clients, staff
/// accounts with live MFA sessions, end users in any state. Staff tokens are minted the way the
/// provider issues them (at+jwt for the portal SPA) with a session in Redis, so revoking the
/// session or removing the staff row takes effect as it would in production.
/// </summary>
public sealed class AdminWorld
{
    private readonly IServiceProvider services;

    private AdminWorld(IServiceProvider services, Partner partner, IReadOnlyList<Client> clients)
    {
        this.services = services;
        Partner = partner;
        Clients = clients;
    }

    public Partner Partner { get; }

    public IReadOnlyList<Client> Clients { get; }

    public static async Task<AdminWorld> CreateAsync(IServiceProvider services, int clients = 2)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var tag = Guid.NewGuid().ToString("N")[..10];
        var partner = new Partner { Name = $"Partner {tag}" };
        var created = Enumerable.Range(1, clients).Select(i => new Client { Name = $"Client {i} {tag}", Partner = partner }).ToList();
        db.Add(partner);
        db.AddRange(created);
        await db.SaveChangesAsync();
        return new AdminWorld(services, partner, created);
    }

    /// <summary>A staff member of this partner (<see cref="ProductRoles.PartnerAdmin"/> by default) signed in with MFA.</summary>
    public async Task<StaffLogin> StaffAsync(string role = ProductRoles.PartnerAdmin, bool mfa = true)
    {
        var (_, account) = await AddStaffAsync(role);
        return await LoginAsync(services, account.Id, account.Email!, mfa ? ["pwd", "mfa", "otp"] : ["pwd"]);
    }

    /// <summary>A staff member of this partner with their SSO account, not signed in.</summary>
    public async Task<(PartnerStaff Staff, SsoAccount Account)> AddStaffAsync(string role = ProductRoles.PartnerAdmin)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var users = provider.GetRequiredService<UserManager<SsoAccount>>();
        var tag = Guid.NewGuid().ToString("N")[..10];
        var account = new SsoAccount
        {
            UserName = $"staff-{tag}@msp.example",
            Email = $"staff-{tag}@msp.example",
            DisplayName = $"Staff {tag}",
            EmailConfirmed = true,
        };
        Assert.True((await users.CreateAsync(account, SsoUsers.DefaultPassword)).Succeeded);
        var db = provider.GetRequiredService<AppDbContext>();
        var staff = new PartnerStaff { PartnerId = Partner.Id, SsoAccountId = account.Id, Role = role };
        db.PartnerStaff.Add(staff);
        await db.SaveChangesAsync();
        return (staff, account);
    }

    /// <summary>A platform operator (sees every partner), signed in with MFA unless <paramref name="mfa"/> is false.</summary>
    public static async Task<StaffLogin> OperatorAsync(IServiceProvider services, bool mfa = true)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<SsoAccount>>();
        var tag = Guid.NewGuid().ToString("N")[..10];
        var account = new SsoAccount { UserName = $"operator-{tag}@platform.example", Email = $"operator-{tag}@platform.example", DisplayName = $"Operator {tag}", EmailConfirmed = true };
        Assert.True((await users.CreateAsync(account, SsoUsers.DefaultPassword)).Succeeded);
        return await LoginAsync(services, account.Id, account.Email!, mfa ? ["pwd", "mfa", "otp"] : ["pwd"], ProductRoles.PlatformOperator);
    }

    /// <summary>An end user of one of this partner's clients (the first by default), in the given state.</summary>
    public Task<TestUser> EndUserAsync(SsoUserState state = SsoUserState.Enrolled, Client? client = null, bool enabled = true) =>
        SsoUsers.CreateAsync(services, state, enabled: enabled, clientId: (client ?? Clients[0]).Id);

    /// <summary>
    /// Ids of this partner's data for requests that name them: its first client, and a fresh end
    /// user of it who is migrated but not activated yet, so that every admin action (resend
    /// activation, reset MFA, disable, delete…) has something to do; a fresh staff member,
    /// a person of Home &gt; User Management whose product roles can be edited; and a migration
    /// batch of the first client (the funnel's scope).
    /// </summary>
    public async Task<PartnerIds> IdsAsync()
    {
        var user = await EndUserAsync(SsoUserState.MigratedPending);
        var (ticketId, attachmentId) = await TicketAsync(user.EndUserId);
        var (person, _) = await AddStaffAsync(ProductRoles.PartnerTechnician);
        // A migration batch of its first client, far enough ahead that nothing runs or announces it.
        var batchId = await ExecutionWorld.AddBatchAsync(services, [Clients[0]], DateTime.UtcNow.AddDays(60));
        var (endpointId, deliveryId) = await WebhookEndpointAsync();
        return new PartnerIds(Clients[0].Id, user.EndUserId, ticketId, attachmentId, person.Id, batchId, endpointId, deliveryId, await ApiClientAsync());
    }

    /// <summary>A webhook endpoint of this partner with one delivered test event (so Replay has something to send again).</summary>
    public async Task<(Guid EndpointId, Guid DeliveryId)> WebhookEndpointAsync()
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var endpoint = new WebhookEndpoint
        {
            PartnerId = Partner.Id,
            Url = "http://127.0.0.1:9/sweep",
            Events = WebhookEventTypes.EndUserCreated,
            ProtectedSecret = scope.ServiceProvider.GetRequiredService<WebhookSecrets>().Protect(WebhookSecrets.New()),
            CreatedAt = DateTime.UtcNow,
        };
        db.Add(endpoint);
        var sent = scope.ServiceProvider.GetRequiredService<WebhookEvents>().Add(Partner.Id, WebhookEventTypes.Test, new { }, [endpoint.Id]);
        await db.SaveChangesAsync();
        await db.WebhookDeliveries.Where(d => d.EventId == sent.Id).ExecuteUpdateAsync(set => set.SetProperty(d => d.DeliveredAt, DateTime.UtcNow));
        return (endpoint.Id, await db.WebhookDeliveries.Where(d => d.EventId == sent.Id).Select(d => d.Id).SingleAsync());
    }

    /// <summary>An API client of this partner (read scope), made as Settings makes one; its secret is not kept.</summary>
    public async Task<Guid> ApiClientAsync()
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var credentials = await scope.ServiceProvider.GetRequiredService<Api.Sso.MachineClients.MachineClientRegistry>().CreateAsync(
            "Sweep script", [Api.Admin.ApiClients.ApiClientScopes.AdminRead],
            new Dictionary<string, string> { [Api.Admin.ApiClients.ApiClientCaller.PartnerClaim] = Partner.Id.ToString() }, CancellationToken.None);
        var client = new Api.Admin.ApiClients.ApiClient
        {
            PartnerId = Partner.Id,
            Name = "Sweep script",
            ClientId = credentials.ClientId,
            Scopes = Api.Admin.ApiClients.ApiClientScopes.AdminRead,
            CreatedAt = DateTime.UtcNow,
            CreatedBy = "Sweep",
        };
        db.ApiClients.Add(client);
        await db.SaveChangesAsync();
        return client.Id;
    }

    /// <summary>An open ticket of this end user (of the first client) with one text attachment, written as the portal writes it.</summary>
    public async Task<(Guid TicketId, Guid AttachmentId)> TicketAsync(Guid endUserId, Client? client = null, Guid? deviceId = null)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTime.UtcNow;
        var attachment = new TicketAttachment { FileName = "log.txt", ContentType = "text/plain; charset=utf-8", Size = 5, Content = "hello"u8.ToArray(), CreatedAt = now };
        var ticket = new Ticket
        {
            ClientId = (client ?? Clients[0]).Id,
            OpenedById = endUserId,
            DeviceId = deviceId,
            Subject = "Printer jams",
            Description = "Every second page.",
            CreatedAt = now,
            UpdatedAt = now,
            Attachments = [attachment],
        };
        db.Add(ticket);
        await db.SaveChangesAsync();
        return (ticket.Id, attachment.Id);
    }

    /// <summary>A signed-in session (with MFA) of this end user, as the portal SPA holds it.</summary>
    public Task<StaffLogin> SignInAsync(TestUser user) => LoginAsync(services, user.AccountId!, user.Email, ["pwd", "mfa", "otp"]);

    /// <summary>An end user of this partner, enrolled and signed in with MFA: not staff.</summary>
    public async Task<StaffLogin> EndUserLoginAsync()
    {
        var user = await EndUserAsync(SsoUserState.Enrolled);
        return await LoginAsync(services, user.AccountId!, user.Email, ["pwd", "mfa", "otp"]);
    }

    private static async Task<StaffLogin> LoginAsync(IServiceProvider services, string accountId, string email, string[] amr, string? tokenRole = null)
    {
        var (session, _) = await services.GetRequiredService<SsoSessionStore>().CreateAsync(accountId, amr, legacy: false);
        var claims = new List<Claim> { new("sub", accountId), new("sid", session.Id) };
        claims.AddRange(amr.Select(a => new Claim("amr", a)));
        if (tokenRole is not null)
        {
            claims.Add(new Claim("role", tokenRole));
        }

        return new StaffLogin(accountId, email, session.Id, TestTokens.Create(services, claims, issuer: SsoApiFactory.Issuer));
    }
}

/// <summary>Ids of one partner's data, by the name a request gives them.</summary>
public sealed record PartnerIds(Guid ClientId, Guid EndUserId, Guid TicketId, Guid AttachmentId, Guid PersonId, Guid BatchId, Guid WebhookEndpointId, Guid WebhookDeliveryId, Guid ApiClientId)
{
    public Guid For(string parameter) => parameter switch
    {
        _ when parameter.Contains("endpoint", StringComparison.OrdinalIgnoreCase) => WebhookEndpointId,
        _ when parameter.Contains("delivery", StringComparison.OrdinalIgnoreCase) => WebhookDeliveryId,
        _ when parameter.Contains("apiClient", StringComparison.OrdinalIgnoreCase) => ApiClientId,
        _ when parameter.Contains("batch", StringComparison.OrdinalIgnoreCase) => BatchId,
        _ when parameter.Contains("person", StringComparison.OrdinalIgnoreCase) => PersonId,
        _ when parameter.Contains("client", StringComparison.OrdinalIgnoreCase) => ClientId,
        _ when parameter.Contains("attachment", StringComparison.OrdinalIgnoreCase) => AttachmentId,
        _ when parameter.Contains("ticket", StringComparison.OrdinalIgnoreCase) => TicketId,
        _ => EndUserId,
    };
}

/// <summary>Someone's signed-in state (staff, or an end user for refusals): the access token the SPA would send.</summary>
public sealed record StaffLogin(string AccountId, string Email, string SessionId, string Token)
{
    public HttpRequestMessage Request(HttpMethod method, string path, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return request;
    }
}
