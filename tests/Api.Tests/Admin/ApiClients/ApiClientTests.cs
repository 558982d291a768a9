using System.IdentityModel.Tokens.Jwt;
using System.Net;
using Api.Data;
using Api.Shared;
using Api.Tests.Sso;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Admin.ApiClients;

/// <summary>
/// A partner admin's API client from Settings to a script's call: the secret once, a token that
/// carries the partner and nothing more, the partner's data and no other's, scopes that mean what
/// they say, the audit log naming the API client, and revocation at once.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed class ApiClientTests(SsoApiFactory api)
{
    [Fact]
    public async Task A_partner_admin_creates_an_API_client_whose_token_reads_the_partners_users_and_no_one_elses()
    {
        var mine = await AdminWorld.CreateAsync(api.Services);
        var theirs = await AdminWorld.CreateAsync(api.Services);
        var myUser = await mine.EndUserAsync();
        var theirUser = await theirs.EndUserAsync();
        using var steps = new ApiClientSteps(api);
        var admin = await mine.StaffAsync();

        var created = await steps.CreateAsync(admin, "admin.read");
        var script = await steps.TokenAsync(created);
        var users = await steps.SendAsync(script, HttpMethod.Get, "/api/admin/end-users?pageSize=100");

        Assert.Equal(HttpStatusCode.OK, users.Status);
        Assert.Contains(myUser.Email, users.Body);
        Assert.DoesNotContain(theirUser.Email, users.Body);
        var list = await steps.SendAsync(admin, HttpMethod.Get, "/api/admin/api-clients");
        Assert.Contains(created.ClientId, list.Body);
        Assert.DoesNotContain(created.Secret, list.Body);
        Assert.Equal(43, created.Secret.Length);
    }

    [Fact]
    public async Task The_token_carries_the_client_its_scopes_and_partner_and_nothing_about_a_person()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        using var steps = new ApiClientSteps(api);
        var created = await steps.CreateAsync(await world.StaffAsync(), "admin.read", "admin.write");

        var answer = await steps.TokenAnswerAsync(created.ClientId, created.Secret);
        var token = new JwtSecurityTokenHandler().ReadJwtToken(answer.Json!["access_token"]!.GetValue<string>());

        Assert.Equal(created.ClientId, token.Subject);
        Assert.Equal(world.Partner.Id.ToString(), token.Claims.Single(c => c.Type == "partner_id").Value);
        Assert.Equal(["admin.read", "admin.write"], token.Claims.Where(c => c.Type == "scope").SelectMany(c => c.Value.Split(' ')).Order());
        Assert.DoesNotContain(token.Claims, c => c.Type is "role" or "amr" or "sid" or "name" or "email");
        Assert.Contains("portal-api", token.Audiences);
        Assert.InRange(token.ValidTo - token.IssuedAt, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10));
        Assert.Null(answer.Json["refresh_token"]);
        Assert.Null(answer.Json["id_token"]);
    }

    [Fact]
    public async Task A_write_token_changes_an_end_user_and_the_audit_log_names_the_API_client()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var user = await world.EndUserAsync();
        using var steps = new ApiClientSteps(api);
        var admin = await world.StaffAsync();
        var created = await steps.CreateAsync(admin, "admin.write");
        var script = await steps.TokenAsync(created);

        var disabled = await steps.SendAsync(script, HttpMethod.Post, $"/api/admin/end-users/{user.EndUserId}/disable");

        Assert.Equal(HttpStatusCode.NoContent, disabled.Status);
        var audit = await steps.SendAsync(admin, HttpMethod.Get, "/api/admin/audit?pageSize=50");
        Assert.Contains($"API client “{created.Name}”", audit.Body);
        Assert.Contains("end-user.disabled", audit.Body);
        Assert.Contains("api-client.created", audit.Body);
    }

    [Fact]
    public async Task A_read_token_cannot_write_and_a_scim_token_cannot_use_the_admin_API()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        var user = await world.EndUserAsync();
        using var steps = new ApiClientSteps(api);
        var admin = await world.StaffAsync();
        var reader = await steps.TokenAsync(await steps.CreateAsync(admin, "admin.read"));
        var scim = await steps.TokenAsync(await steps.CreateAsync(admin, "scim"));

        var write = await steps.SendAsync(reader, HttpMethod.Post, $"/api/admin/end-users/{user.EndUserId}/unlock");
        var read = await steps.SendAsync(scim, HttpMethod.Get, "/api/admin/end-users");

        AssertRefused(HttpStatusCode.Forbidden, write, "admin.write");
        AssertRefused(HttpStatusCode.Forbidden, read, "admin.read");
    }

    [Fact]
    public async Task An_API_client_never_reaches_an_operators_endpoint_the_account_owners_answers_or_API_client_management()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        using var steps = new ApiClientSteps(api);
        var admin = await world.StaffAsync();
        var script = await steps.TokenAsync(await steps.CreateAsync(admin, "admin.read", "admin.write", "scim"));

        AssertRefused(HttpStatusCode.Forbidden, await steps.SendAsync(script, HttpMethod.Get, "/api/admin/status"), "");
        AssertRefused(HttpStatusCode.Forbidden, await steps.SendAsync(script, HttpMethod.Get, "/api/admin/api-clients"), "An API client cannot do this");
        AssertRefused(HttpStatusCode.Forbidden, await steps.SendAsync(script, HttpMethod.Post, "/api/admin/api-clients", new { name = "More", scopes = new[] { "admin.write" } }), "An API client cannot do this");
        // The portal's own endpoints (an end user's, an account owner's) do not know API client tokens at all.
        Assert.Equal(HttpStatusCode.Unauthorized, (await steps.SendAsync(script, HttpMethod.Get, "/api/portal/me")).Status);
    }

    [Fact]
    public async Task Another_partners_API_client_answers_404()
    {
        var mine = await AdminWorld.CreateAsync(api.Services);
        var theirs = await AdminWorld.CreateAsync(api.Services);
        using var steps = new ApiClientSteps(api);
        var theirClient = await steps.CreateAsync(await theirs.StaffAsync(), "admin.read");
        var admin = await mine.StaffAsync();

        foreach (var action in (string[])["rotate-secret", "retire-old-secret", "revoke"])
        {
            AssertRefused(HttpStatusCode.NotFound, await steps.SendAsync(admin, HttpMethod.Post, $"/api/admin/api-clients/{theirClient.Id}/{action}"), "");
        }

        Assert.Equal(HttpStatusCode.OK, (await steps.TokenAnswerAsync(theirClient.ClientId, theirClient.Secret)).Status);
    }

    [Fact]
    public async Task A_revoked_clients_token_answers_401_at_once_and_it_gets_no_new_token()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        using var steps = new ApiClientSteps(api);
        var admin = await world.StaffAsync();
        var created = await steps.CreateAsync(admin, "admin.read");
        var script = await steps.TokenAsync(created);
        Assert.Equal(HttpStatusCode.OK, (await steps.SendAsync(script, HttpMethod.Get, "/api/admin/end-users")).Status);

        Assert.Equal(HttpStatusCode.NoContent, (await steps.SendAsync(admin, HttpMethod.Post, $"/api/admin/api-clients/{created.Id}/revoke")).Status);

        Assert.Equal(HttpStatusCode.Unauthorized, (await steps.SendAsync(script, HttpMethod.Get, "/api/admin/end-users")).Status);
        var again = await steps.TokenAnswerAsync(created.ClientId, created.Secret);
        Assert.NotEqual(HttpStatusCode.OK, again.Status);
        Assert.Equal("invalid_client", again.Json!["error"]!.GetValue<string>());
        var list = await steps.SendAsync(admin, HttpMethod.Get, "/api/admin/api-clients");
        Assert.Contains("\"status\":\"revoked\"", list.Body);
    }

    [Fact]
    public async Task A_rotated_secret_overlaps_the_old_one_until_the_admin_retires_it()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        using var steps = new ApiClientSteps(api);
        var admin = await world.StaffAsync();
        var created = await steps.CreateAsync(admin, "admin.read");

        var rotated = await steps.SendAsync(admin, HttpMethod.Post, $"/api/admin/api-clients/{created.Id}/rotate-secret");
        var newSecret = rotated.Json!["clientSecret"]!.GetValue<string>();

        Assert.NotEqual(created.Secret, newSecret);
        Assert.NotNull(rotated.Json["apiClient"]!["previousSecretValidUntil"]);
        Assert.Equal(HttpStatusCode.OK, (await steps.TokenAnswerAsync(created.ClientId, created.Secret)).Status);
        Assert.Equal(HttpStatusCode.OK, (await steps.TokenAnswerAsync(created.ClientId, newSecret)).Status);

        Assert.Equal(HttpStatusCode.OK, (await steps.SendAsync(admin, HttpMethod.Post, $"/api/admin/api-clients/{created.Id}/retire-old-secret")).Status);

        Assert.Equal("invalid_client", (await steps.TokenAnswerAsync(created.ClientId, created.Secret)).Json!["error"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await steps.TokenAnswerAsync(created.ClientId, newSecret)).Status);
        AssertRefused(HttpStatusCode.Conflict, await steps.SendAsync(admin, HttpMethod.Post, $"/api/admin/api-clients/{created.Id}/retire-old-secret"), "no old secret");
        var audit = await steps.SendAsync(admin, HttpMethod.Get, "/api/admin/audit?pageSize=50");
        Assert.Contains("api-client.secret-rotated", audit.Body);
        Assert.Contains("api-client.old-secret-retired", audit.Body);
    }

    [Fact]
    public async Task The_secret_is_stored_only_as_a_hash()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        using var steps = new ApiClientSteps(api);
        var created = await steps.CreateAsync(await world.StaffAsync(), "admin.read");

        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var stored = await db.Set<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreApplication>()
            .Where(a => a.ClientId == created.ClientId).Select(a => a.ClientSecret).SingleAsync();
        Assert.DoesNotContain(created.Secret, stored ?? "");
        Assert.False(await db.ApiClients.AnyAsync(c => c.ClientId == created.ClientId && (c.Name.Contains(created.Secret) || c.Scopes.Contains(created.Secret))));
    }

    [Fact]
    public async Task A_name_and_at_least_one_known_scope_are_needed_and_an_operator_has_no_API_clients()
    {
        var world = await AdminWorld.CreateAsync(api.Services);
        using var steps = new ApiClientSteps(api);
        var admin = await world.StaffAsync();
        var technician = await world.StaffAsync(ProductRoles.PartnerTechnician);

        AssertRefused(HttpStatusCode.BadRequest, await steps.SendAsync(admin, HttpMethod.Post, "/api/admin/api-clients", new { name = " ", scopes = new[] { "admin.read" } }), "name");
        AssertRefused(HttpStatusCode.BadRequest, await steps.SendAsync(admin, HttpMethod.Post, "/api/admin/api-clients", new { name = "Sync", scopes = Array.Empty<string>() }), "at least one scope");
        AssertRefused(HttpStatusCode.BadRequest, await steps.SendAsync(admin, HttpMethod.Post, "/api/admin/api-clients", new { name = "Sync", scopes = new[] { "operator" } }), "at least one scope");
        AssertRefused(HttpStatusCode.Forbidden, await steps.SendAsync(technician, HttpMethod.Get, "/api/admin/api-clients"), "partner admin");
        AssertRefused(HttpStatusCode.Forbidden, await steps.SendAsync(await AdminWorld.OperatorAsync(api.Services), HttpMethod.Get, "/api/admin/api-clients"), "belong to a partner");
    }

    [Fact]
    public async Task The_OpenAPI_document_shows_both_schemes_and_the_scope_each_operation_needs()
    {
        using var browser = new SsoDriver(api);
        var document = System.Text.Json.Nodes.JsonNode.Parse(await browser.Http.GetStringAsync("/openapi/v1.json"))!;
        var schemes = document["components"]!["securitySchemes"]!;
        string SecurityOf(string path, string method) => document["paths"]![path]![method]!["security"]!.ToJsonString();

        Assert.Equal("bearer", schemes["Bearer"]!["scheme"]!.GetValue<string>());
        Assert.Equal("/connect/token", schemes["ApiClient"]!["flows"]!["clientCredentials"]!["tokenUrl"]!.GetValue<string>());
        Assert.Contains("\"ApiClient\":[\"admin.read\"]", SecurityOf("/api/admin/end-users", "get"));
        Assert.Contains("\"ApiClient\":[\"admin.write\"]", SecurityOf("/api/admin/end-users", "post"));
        Assert.DoesNotContain("ApiClient", SecurityOf("/api/admin/status", "get"));
        Assert.DoesNotContain("ApiClient", SecurityOf("/api/admin/api-clients", "post"));
        Assert.DoesNotContain("ApiClient", SecurityOf("/api/portal/me", "get"));
    }

    internal static void AssertRefused(HttpStatusCode expected, SsoResponse answer, string sentencePart)
    {
        Assert.True(answer.Status == expected, $"expected {(int)expected}, got {answer}");
        Assert.True(answer.IsProblem, $"expected ProblemDetails, got {answer}");
        Assert.Contains(sentencePart, answer.Json!["detail"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }
}
