using System.Net;
using System.Net.Http.Headers;
using Benchmarks.Flows;

namespace Benchmarks.Soak;

/// <summary>
/// One operation of each kind of the soak's mixed traffic, as a person or the SPA does it through
/// the proxy. Each throws <see cref="FlowException"/> when the answer is not what a user would get.
/// </summary>
public sealed class SoakTraffic(HttpClient http, UserPool users, SoakSessions sessions, BenchUser admin)
{
    public const string SignIn = "sign-in (TOTP)";
    public const string Renewal = "silent renewal";
    public const string PortalRead = "portal read (/me)";
    public const string Ticket = "ticket created";
    public const string ManageUsers = "Manage Users page";
    public const string BatchKind = "batch (operator)";

    public static readonly string[] Kinds = [SignIn, Renewal, PortalRead, Ticket, ManageUsers];

    private readonly SemaphoreSlim adminTurn = new(1, 1);
    private SsoFlowClient? adminBrowser;
    private string adminToken = "";
    private DateTimeOffset adminTokenAt;
    private int ticketNumber;

    /// <summary>A fresh browser signs a bench user in (start → password → TOTP → authorize → token) and keeps the session.</summary>
    public async Task SignInAsync(CancellationToken cancellationToken)
    {
        var (user, code) = await users.TakeAsync(cancellationToken);
        var browser = new SsoFlowClient(http);
        var tokens = await browser.SignInAsync(user, code, cancellationToken);
        sessions.Add(new SoakSession(user, browser, tokens.AccessToken, DateTimeOffset.UtcNow));
    }

    /// <summary>A signed-in tab renews silently (authorize prompt=none with the SSO cookie, then the code for tokens).</summary>
    public Task RenewAsync(CancellationToken cancellationToken) => WithSessionAsync(false, async session =>
    {
        try
        {
            var tokens = await session.Browser.RenewAsync(cancellationToken);
            session.AccessToken = tokens.AccessToken;
            session.TokenAt = DateTimeOffset.UtcNow;
        }
        catch (FlowException e) when (e.Message.StartsWith("authorize: redirected without a code", StringComparison.Ordinal))
        {
            session.Lost = true;
            throw new FlowException($"session lost ({session.User.Email}, signed in {session.SignedInAt:HH:mm:ss}): {e.Message}");
        }
    }, cancellationToken);

    /// <summary>The portal's first read after sign-in: GET /api/portal/me with the access token.</summary>
    public Task ReadPortalAsync(CancellationToken cancellationToken) => WithSessionAsync(true, async session =>
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/portal/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.AccessToken);
        using var response = await http.SendAsync(request, cancellationToken);
        await ExpectAsync("GET /api/portal/me", response, HttpStatusCode.OK, cancellationToken);
    }, cancellationToken);

    /// <summary>An end user opens a ticket (multipart form, as the SPA sends it); the partner's support mailbox gets a mail.</summary>
    public Task OpenTicketAsync(CancellationToken cancellationToken) => WithSessionAsync(true, async session =>
    {
        var number = Interlocked.Increment(ref ticketNumber);
        using var form = new MultipartFormDataContent
        {
            { new StringContent($"Soak ticket {number}: the printer is offline"), "subject" },
            { new StringContent("It says offline since this morning."), "description" },
            { new StringContent("Normal"), "priority" },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/portal/tickets") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.AccessToken);
        using var response = await http.SendAsync(request, cancellationToken);
        await ExpectAsync("POST /api/portal/tickets", response, HttpStatusCode.Created, cancellationToken);
    }, cancellationToken);

    /// <summary>The partner admin pages through Manage Users (renewing the admin's token silently every few minutes, as the SPA does).</summary>
    public async Task ReadManageUsersAsync(int page, CancellationToken cancellationToken)
    {
        await adminTurn.WaitAsync(cancellationToken);
        try
        {
            if (adminBrowser is null)
            {
                var browser = new SsoFlowClient(http);
                adminToken = (await browser.SignInAsync(admin, cancellationToken)).AccessToken;
                (adminBrowser, adminTokenAt) = (browser, DateTimeOffset.UtcNow);
            }
            else if (adminTokenAt < DateTimeOffset.UtcNow.AddMinutes(-2))
            {
                adminToken = (await adminBrowser.RenewAsync(cancellationToken)).AccessToken;
                adminTokenAt = DateTimeOffset.UtcNow;
            }
        }
        finally
        {
            adminTurn.Release();
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/admin/end-users?status=enabled&sort=email&page={page}&pageSize=50");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        using var response = await http.SendAsync(request, cancellationToken);
        await ExpectAsync("GET /api/admin/end-users", response, HttpStatusCode.OK, cancellationToken);
    }

    private async Task WithSessionAsync(bool freshTokenOnly, Func<SoakSession, Task> work, CancellationToken cancellationToken)
    {
        SoakSession? session;
        while ((session = sessions.Take(freshTokenOnly)) is null)
        {
            await Task.Delay(100, cancellationToken);
        }

        try
        {
            await work(session);
        }
        finally
        {
            session.Release();
        }
    }

    private static async Task ExpectAsync(string what, HttpResponseMessage response, HttpStatusCode expected, CancellationToken cancellationToken)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new FlowException($"{what}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 200)]}");
        }
    }
}
