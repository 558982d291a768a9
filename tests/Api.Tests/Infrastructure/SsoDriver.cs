using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Api.Infrastructure;
using Api.Links;
using Api.Mail;
using Api.Portal;
using Api.Sso.Accounts;
using Api.Sso.Login;
using Api.SsoMigration;
using Duende.IdentityModel.OidcClient;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace Api.Tests.Infrastructure;

/// <summary>
/// One browser on the SSO: a cookie jar, no automatic redirects, https://localhost/ (the SSO's
/// cookies are <c>__Host-</c> and Secure, so they only travel over https), and a client IP of its
/// own (so per-IP throttling of one test never blocks another). The portal's side of the
/// protocol is played by an independent OpenID Connect client (Duende OidcClient, code + PKCE).
/// </summary>
public sealed class SsoDriver : IDisposable
{
    /// <summary>Read by the test server's client-IP filter; stands in for the TCP peer address.</summary>
    public const string ClientIpHeader = "X-Test-Client-IP";

    public const string ClientId = "portal-spa";
    public const string Scopes = "openid profile email portal-api";

    private static int ipCounter;
    private readonly WebApplicationFactory<Program> api;
    private OidcClient? oidc;

    public SsoDriver(WebApplicationFactory<Program> api, string? clientIp = null, Uri? origin = null)
    {
        this.api = api;
        Origin = origin ?? new Uri("https://localhost/");
        ClientIp = clientIp ?? NewClientIp();
        Http = api.CreateDefaultClient(Origin, new ClientIpHandler(ClientIp), new CookieContainerHandler(Cookies));
    }

    public Uri Origin { get; }

    public string ClientIp { get; }

    public CookieContainer Cookies { get; } = new();

    public HttpClient Http { get; }

    /// <summary>The OIDC client's state for the sign-in in progress (after <see cref="BeginSignInAsync"/>).</summary>
    public AuthorizeState? AuthorizeState { get; private set; }

    /// <summary>The authorize URL the sign-in screen must return to (its <c>returnUrl</c>).</summary>
    public string? ReturnUrl { get; private set; }

    /// <summary>The ID token of the last completed sign-in (what the SPA sends as <c>id_token_hint</c> on logout).</summary>
    public string? IdentityToken { get; private set; }

    public string RedirectUri => new Uri(Origin, "portal/callback").ToString();

    /// <summary>
    /// A documentation-range IPv6 address (RFC 3849) in a /64 of its own per driver (per-IP limits
    /// count IPv6 clients per /64); never contacted.
    /// </summary>
    public static string NewClientIp() => $"2001:db8:{Interlocked.Increment(ref ipCounter) & 0xFFFF:x}:{Random.Shared.Next(0x10000):x}::1";

    public OidcClient Oidc => oidc ??= new OidcClient(new OidcClientOptions
    {
        Authority = Origin.ToString(),
        ClientId = ClientId,
        RedirectUri = RedirectUri,
        PostLogoutRedirectUri = Origin.ToString(),
        Scope = Scopes,
        LoadProfile = false,
        DisablePushedAuthorization = true,
        BackchannelHandler = api.Server.CreateHandler(),
    });

    // ---- the portal: start an OIDC sign-in -------------------------------------------------

    /// <summary>
    /// Like the portal's "Log in with Single Sign-On": prepares code + PKCE with the OIDC client,
    /// then opens the authorize URL. Without an SSO session the provider must send the browser to
    /// the sign-in screen; returns that response (302 to <c>/sso/login?returnUrl=…</c>).
    /// </summary>
    public async Task<HttpResponseMessage> BeginSignInAsync(string? nonce = null)
    {
        var state = await PrepareSignInAsync(nonce is null ? null : new Duende.IdentityModel.Client.Parameters { { "nonce", nonce } });
        var response = await Http.GetAsync(state.StartUrl);
        var location = LocationOf(response);
        if (response.StatusCode == HttpStatusCode.Redirect && location is { AbsolutePath: "/sso/login" })
        {
            ReturnUrl = QueryHelpers.ParseQuery(location.Query)["returnUrl"].ToString();
        }

        return response;
    }

    /// <summary>The OIDC client prepares code + PKCE (state, nonce, verifier) and the authorize URL; nothing is sent yet.</summary>
    public async Task<AuthorizeState> PrepareSignInAsync(Duende.IdentityModel.Client.Parameters? extra = null)
    {
        AuthorizeState = await Oidc.PrepareLoginAsync(extra);
        Assert.False(AuthorizeState.IsError, AuthorizeState.Error);
        return AuthorizeState;
    }

    /// <summary>
    /// Opens the authorize URL again (what the SPA does after step "done", or a silent renew):
    /// returns where the provider sends the browser (the callback with a code, or the sign-in screen).
    /// </summary>
    public async Task<Uri> AuthorizeAsync(string? authorizeUrl = null)
    {
        var url = authorizeUrl ?? ReturnUrl ?? AuthorizeState?.StartUrl
            ?? throw new InvalidOperationException("Call BeginSignInAsync first.");
        var response = await Http.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"authorize should redirect, answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return LocationOf(response)!;
    }

    /// <summary>The authorization code in a callback URL, or null.</summary>
    public static string? CodeIn(Uri callback) =>
        QueryHelpers.ParseQuery(callback.Query).TryGetValue("code", out var code) ? code.ToString() : null;

    /// <summary>Redeems the callback (code + PKCE verifier) at the token endpoint through the OIDC client.</summary>
    public async Task<LoginResult> RedeemAsync(Uri callback)
    {
        Assert.NotNull(AuthorizeState);
        var result = await Oidc.ProcessResponseAsync(callback.ToString(), AuthorizeState);
        Assert.False(result.IsError, $"token exchange failed: {result.Error} {result.ErrorDescription}");
        IdentityToken = result.IdentityToken;
        return result;
    }

    // ---- the sign-in screen: /api/sso/login/* ----------------------------------------------

    public Task<SsoResponse> StartAsync(string email, string? returnUrl = null) =>
        PostAsync("/api/sso/login/start", new { email, returnUrl = returnUrl ?? ReturnUrl });

    public Task<SsoResponse> PasswordAsync(string password) => PostAsync("/api/sso/login/password", new { password });

    public Task<SsoResponse> MfaAsync(string code) => PostAsync("/api/sso/login/mfa", new { code });

    public Task<SsoResponse> RecoveryCodeAsync(string recoveryCode) => PostAsync("/api/sso/login/mfa", new { recoveryCode });

    public async Task<SsoResponse> EnrollmentAsync() => await SsoResponse.ReadAsync(await Http.GetAsync("/api/sso/login/enrollment"));

    public Task<SsoResponse> ConfirmEnrollmentAsync(string code) => PostAsync("/api/sso/login/enrollment", new { code });

    public async Task<SsoResponse> ResendActivationAsync() =>
        await SsoResponse.ReadAsync(await Http.PostAsync("/api/sso/login/activation/resend", null));

    public Task<SsoResponse> ActivateAsync(string token) => PostAsync("/api/sso/activate", new { token });

    public Task<SsoResponse> ForgotPasswordAsync(string email) => PostAsync("/api/sso/password/forgot", new { email });

    public Task<SsoResponse> ResetPasswordAsync(string token, string newPassword) =>
        PostAsync("/api/sso/password/reset", new { token, newPassword });

    /// <summary>The portal's own (legacy) login form.</summary>
    public Task<SsoResponse> LegacyLoginAsync(string email, string password) =>
        PostAsync("/api/legacy/login", new { email, password });

    /// <summary>The portal's login form, then authorize (which sees the legacy session) and the token: the access token.</summary>
    public async Task<string> LegacySignInAsync(TestUser user)
    {
        Assert.Equal(HttpStatusCode.OK, (await LegacyLoginAsync(user.Email, user.Password)).Status);
        await PrepareSignInAsync();
        var callback = await AuthorizeAsync(AuthorizeState!.StartUrl);
        return (await RedeemAsync(callback)).AccessToken!;
    }

    /// <summary>Edit Profile's Change Password (legacy users).</summary>
    public async Task<SsoResponse> ChangePasswordAsync(string accessToken, string currentPassword, string newPassword)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/portal/me/password")
        {
            Content = JsonContent.Create(new { currentPassword, newPassword }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await SsoResponse.ReadAsync(await Http.SendAsync(request));
    }

    /// <summary>
    /// End-session as the portal's Log out calls it (oidc-client-ts <c>signoutRedirect</c>): the ID
    /// token of the last sign-in as <c>id_token_hint</c> (or, without one, the client id) and the
    /// registered <c>post_logout_redirect_uri</c>, with this browser's cookies.
    /// </summary>
    public async Task<HttpResponseMessage> LogoutAsync() => await Http.GetAsync(LogoutUrl(
        IdentityToken is null
            ? new() { ["client_id"] = ClientId, ["post_logout_redirect_uri"] = Origin.ToString() }
            : new() { ["id_token_hint"] = IdentityToken, ["post_logout_redirect_uri"] = Origin.ToString() }));

    /// <summary>The end-session URL with exactly these parameters.</summary>
    public static string LogoutUrl(Dictionary<string, string?> parameters) => QueryHelpers.AddQueryString("/connect/logout", parameters);

    public async Task<SsoResponse> GetMeAsync(string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/portal/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await SsoResponse.ReadAsync(await Http.SendAsync(request));
    }

    public async Task<SsoResponse> PostAsync(string path, object body) =>
        await SsoResponse.ReadAsync(await Http.PostAsJsonAsync(path, body));

    public async Task<SsoResponse> PostRawAsync(string path, string body, string mediaType = "application/json")
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, mediaType);
        return await SsoResponse.ReadAsync(await Http.PostAsync(path, content));
    }

    // ---- whole journeys --------------------------------------------------------------------

    /// <summary>
    /// The complete portal sign-in of an enrolled user: authorize → sign-in screen (e-mail,
    /// password, MFA code) → authorize again → code → token endpoint. Returns the tokens.
    /// </summary>
    public async Task<LoginResult> SignInAsync(TestUser user, string? password = null, string? nonce = null)
    {
        var begin = await BeginSignInAsync(nonce);
        Assert.Equal(HttpStatusCode.Redirect, begin.StatusCode);
        await LoginToMfaAsync(user, password);
        var done = await MfaAsync(user.NextCode());
        Assert.Equal("done", done.Step);
        return await FinishSignInAsync(done);
    }

    /// <summary>E-mail and password of an enrolled user; asserts the next step is "mfa".</summary>
    public async Task LoginToMfaAsync(TestUser user, string? password = null)
    {
        var start = await StartAsync(user.Email);
        Assert.Equal("password", start.Step);
        var next = await PasswordAsync(password ?? user.Password);
        Assert.True(next.Step == "mfa", $"expected step mfa, got {(int)next.Status} {next.Body}");
    }

    /// <summary>After step "done": back to the authorize URL, which must now issue a code; redeem it.</summary>
    public async Task<LoginResult> FinishSignInAsync(SsoResponse done)
    {
        Assert.Equal("done", done.Step);
        Assert.Equal(ReturnUrl, done.RedirectUrl);
        var callback = await AuthorizeAsync(done.RedirectUrl);
        Assert.StartsWith(RedirectUri, callback.ToString());
        Assert.NotNull(CodeIn(callback));
        return await RedeemAsync(callback);
    }

    public static Uri? LocationOf(HttpResponseMessage response) =>
        response.Headers.Location is null ? null
        : response.Headers.Location.IsAbsoluteUri ? response.Headers.Location
        : new Uri(new Uri("https://localhost/"), response.Headers.Location);

    public void Dispose() => Http.Dispose();

    private sealed class ClientIpHandler(string ip) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.TryAddWithoutValidation(ClientIpHeader, ip);
            return base.SendAsync(request, cancellationToken);
        }
    }
}

/// <summary>An answer of the Api, read once: status, media type, body and (for JSON) its fields.</summary>
public sealed class SsoResponse
{
    private SsoResponse(HttpResponseMessage raw, string body)
    {
        Raw = raw;
        Body = body;
        if (body.Length > 0 && (MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) ?? false))
        {
            try
            {
                Json = JsonNode.Parse(body) as JsonObject;
            }
            catch (JsonException)
            {
            }
        }
    }

    public HttpResponseMessage Raw { get; }

    public HttpStatusCode Status => Raw.StatusCode;

    public string Body { get; }

    public string? MediaType => Raw.Content.Headers.ContentType?.MediaType;

    public JsonObject? Json { get; }

    public bool IsProblem => MediaType == "application/problem+json";

    public string? Step => String("step");

    public string? RedirectUrl => String("redirectUrl");

    public string? Detail => String("detail");

    public string? Title => String("title");

    public string? Type => String("type");

    public JsonObject? Errors => Json?["errors"] as JsonObject;

    public string[] RecoveryCodes => Json?["recoveryCodes"] is JsonArray codes ? [.. codes.Select(c => c!.GetValue<string>())] : [];

    public IReadOnlyList<string> SetCookies => Raw.Headers.TryGetValues("Set-Cookie", out var values) ? [.. values] : [];

    public string? String(string name) => Json?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>The JSON body without the named fields (e.g. the per-request traceId), for comparing two answers.</summary>
    public string BodyWithout(params string[] names)
    {
        if (Json is null)
        {
            return Body;
        }

        var copy = (JsonObject)Json.DeepClone();
        foreach (var name in names)
        {
            copy.Remove(name);
        }

        return copy.ToJsonString();
    }

    public override string ToString() => $"{(int)Status} {MediaType} {Body}";

    public static async Task<SsoResponse> ReadAsync(HttpResponseMessage response) =>
        new(response, await response.Content.ReadAsStringAsync());
}

public enum SsoUserState
{
    /// <summary>Not migrated: legacy hash on the end user, no SSO account.</summary>
    Legacy,

    /// <summary>Migrated, never logged in: e-mail not activated, no authenticator.</summary>
    MigratedPending,

    /// <summary>Migrated and activated, no authenticator yet (enrolment next).</summary>
    Activated,

    /// <summary>Migrated, activated, TOTP enrolled with a secret of its own.</summary>
    Enrolled,
}

/// <summary>A user made for one test: its own partner, client, e-mail and TOTP secret.</summary>
public sealed class TestUser
{
    private readonly HashSet<long> usedSteps = [];

    public required string Email { get; init; }
    public required string Password { get; set; }
    public required string DisplayName { get; init; }
    public required Guid EndUserId { get; init; }
    public string? AccountId { get; init; }
    public string? TotpSecret { get; set; }
    public required string ClientName { get; init; }
    public required string PartnerName { get; init; }

    /// <summary>The code of the step <paramref name="stepOffset"/> steps from now (no bookkeeping).</summary>
    public string Code(int stepOffset = 0) => Totp.CodeAt(TotpSecret!, DateTime.UtcNow.AddSeconds(30 * stepOffset));

    /// <summary>
    /// A code the server has not seen for this account: the current step, else the next, else
    /// the previous (the server accepts ±1 step and each step once). Avoids a step boundary.
    /// </summary>
    public string NextCode()
    {
        Totp.AvoidStepBoundary();
        var now = DateTime.UtcNow;
        foreach (var offset in new[] { 0, 1, -1 })
        {
            var at = now.AddSeconds(30 * offset);
            if (usedSteps.Add(Totp.StepOf(at)))
            {
                return Totp.CodeAt(TotpSecret!, at);
            }
        }

        throw new InvalidOperationException("Three codes of this account were used within a minute; wait for the next step.");
    }

    /// <summary>A six-digit code that is wrong now and for the next minute (none of the steps the server accepts).</summary>
    public string WrongCode()
    {
        var valid = new[] { Code(-1), Code(0), Code(1), Code(2) };
        return Enumerable.Range(0, 1000).Select(i => i.ToString("D6")).First(code => !valid.Contains(code));
    }

    /// <summary>Records that a code of this step was used (e.g. for enrolment), so NextCode skips it.</summary>
    public void MarkUsed(DateTime at) => usedSteps.Add(Totp.StepOf(at));
}

/// <summary>RFC 6238 codes as an authenticator app computes them.</summary>
public static class Totp
{
    public static string CodeAt(string base32Secret, DateTime utc) =>
        new OtpNet.Totp(Base32Encoding.ToBytes(base32Secret.Replace(" ", "", StringComparison.Ordinal))).ComputeTotp(utc);

    public static long StepOf(DateTime utc) => new DateTimeOffset(utc, TimeSpan.Zero).ToUnixTimeSeconds() / 30;

    /// <summary>Waits out the last seconds of a 30-s step, so a code computed now is judged in the same step.</summary>
    public static void AvoidStepBoundary(int marginSeconds = 4)
    {
        var intoStep = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() % 30_000;
        if (intoStep > (30 - marginSeconds) * 1000)
        {
            Thread.Sleep((int)(30_000 - intoStep) + 50);
        }
    }
}

/// <summary>Creates fresh users directly through the Api's own services, in the state a test needs.</summary>
public static class SsoUsers
{
    public const string DefaultPassword = "Correct-Horse-Battery-9";

    /// <param name="clientId">The client the end user belongs to; by default a new partner with one new client.</param>
    public static async Task<TestUser> CreateAsync(
        IServiceProvider services, SsoUserState state, string password = DefaultPassword, bool enabled = true, Guid? clientId = null)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var db = provider.GetRequiredService<AppDbContext>();
        var tag = Guid.NewGuid().ToString("N")[..12];
        var client = clientId is { } id
            ? await db.Clients.Include(c => c.Partner).SingleAsync(c => c.Id == id)
            : new Client { Name = $"Client {tag}", Partner = new Partner { Name = $"Partner {tag}" } };
        var partner = client.Partner!;
        var endUser = new EndUser
        {
            Email = $"user-{tag}@sso-tests.example",
            DisplayName = $"Test User {tag}",
            Client = client,
            Enabled = enabled,
            LegacyPasswordHash = LegacyPasswordHash.Create(password),
        };
        db.Add(endUser);
        await db.SaveChangesAsync();

        string? accountId = null;
        string? secret = null;
        if (state != SsoUserState.Legacy)
        {
            await provider.GetRequiredService<EndUserMigrator>().MigrateAsync(endUser.Id);
            var users = provider.GetRequiredService<UserManager<SsoAccount>>();
            var account = (await users.FindByEmailAsync(endUser.Email))!;
            accountId = account.Id;
            if (state is SsoUserState.Activated or SsoUserState.Enrolled)
            {
                account.EmailConfirmed = true;
            }

            if (state == SsoUserState.Enrolled)
            {
                secret = TotpVerifier.NewSecret();
                account.ProtectedTotpSecret = provider.GetRequiredService<IDataProtectionProvider>().CreateProtector("Sso.Totp.v1").Protect(secret);
                account.TotpEnrolledAt = DateTime.UtcNow;
            }

            var updated = await users.UpdateAsync(account);
            Assert.True(updated.Succeeded, string.Join(" ", updated.Errors.Select(e => e.Description)));
        }

        return new TestUser
        {
            Email = endUser.Email,
            Password = password,
            DisplayName = endUser.DisplayName,
            EndUserId = endUser.Id,
            AccountId = accountId,
            TotpSecret = secret,
            ClientName = client.Name,
            PartnerName = partner.Name,
        };
    }

    /// <summary>An e-mail nobody registered.</summary>
    public static string UnknownEmail() => $"nobody-{Guid.NewGuid():N}@sso-tests.example";
}

/// <summary>The outbox (the SQL table the mail sender reads): where the tests find the links an e-mail carries.</summary>
public static class Mailbox
{
    /// <summary>Messages of one kind to one address, oldest first.</summary>
    public static async Task<List<OutboxMessage>> MessagesAsync(IServiceProvider services, string to, string? kind = null)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var messages = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.To == to && (kind == null || m.Kind == kind))
            .ToListAsync();
        return [.. messages.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)];
    }

    /// <summary>Polls until at least <paramref name="count"/> such messages exist (mail may be queued in the background).</summary>
    public static async Task<List<OutboxMessage>> WaitForAsync(IServiceProvider services, string to, string kind, int count = 1, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var messages = await MessagesAsync(services, to, kind);
            if (messages.Count >= count)
            {
                return messages;
            }

            if (clock.Elapsed > (timeout ?? TimeSpan.FromSeconds(5)))
            {
                Assert.Fail($"No {kind} e-mail to {to} appeared in the outbox within {clock.Elapsed.TotalSeconds:0.#} s (found {messages.Count}, wanted {count}).");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>The token of the link in a message's text body: {origin}sso/{page}?token=….</summary>
    public static string TokenIn(OutboxMessage message, string page)
    {
        var match = Regex.Match(message.TextBody, $@"https://localhost/sso/{Regex.Escape(page)}\?token=(?<token>[A-Za-z0-9._~%-]+)");
        Assert.True(match.Success, $"no https://localhost/sso/{page}?token=… link in: {message.TextBody}");
        return Uri.UnescapeDataString(match.Groups["token"].Value);
    }

    /// <summary>Makes a link expire now, as if its lifetime had passed.</summary>
    public static async Task ExpireLinksAsync(IServiceProvider services, string accountId)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Set<OneTimeLink>().Where(l => l.SubjectId == accountId)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.ExpiresAt, DateTime.UtcNow.AddMinutes(-1)));
    }
}
