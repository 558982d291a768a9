using System.Net;
using System.Net.Http.Json;
using Api.Tests.Sso;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Api.Tests.Admin.ApiClients;

/// <summary>
/// What a partner admin and their script do with an API client, over HTTP as they would: create it
/// in Settings (the secret read from the one answer that carries it), exchange the secret at the
/// token endpoint (client credentials), and call the admin API with the token.
/// </summary>
public sealed class ApiClientSteps(WebApplicationFactory<Program> api) : IDisposable
{
    private readonly SsoDriver browser = new(api);

    public HttpClient Http => browser.Http;

    public async Task<CreatedClient> CreateAsync(StaffLogin admin, params string[] scopes)
    {
        var answer = await SendAsync(admin, HttpMethod.Post, "/api/admin/api-clients", new { name = $"Script {Guid.NewGuid():N}"[..20], scopes });
        Assert.True(answer.Status == HttpStatusCode.Created, $"create: {answer}");
        var client = answer.Json!["apiClient"]!;
        return new CreatedClient(Guid.Parse(client["id"]!.GetValue<string>()), client["clientId"]!.GetValue<string>(),
            answer.Json["clientSecret"]!.GetValue<string>(), client["name"]!.GetValue<string>());
    }

    public async Task<SsoResponse> SendAsync(StaffLogin caller, HttpMethod method, string path, object? body = null)
    {
        using var request = caller.Request(method, path, body is null ? null : JsonContent.Create(body));
        return await SsoResponse.ReadAsync(await Http.SendAsync(request));
    }

    /// <summary>POST /connect/token with grant_type=client_credentials, the secret in the form (client_secret_post).</summary>
    public async Task<SsoResponse> TokenAnswerAsync(string clientId, string secret, string? scope = null)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        return await SsoResponse.ReadAsync(await Http.PostAsync("/connect/token", new FormUrlEncodedContent(form)));
    }

    /// <summary>The client's token as its script holds it: a <see cref="StaffLogin"/> whose bearer token is the API client's.</summary>
    public async Task<StaffLogin> TokenAsync(CreatedClient client, string? scope = null, string? secret = null)
    {
        var answer = await TokenAnswerAsync(client.ClientId, secret ?? client.Secret, scope);
        Assert.True(answer.Status == HttpStatusCode.OK, $"token: {answer}");
        return new StaffLogin(client.ClientId, "", "", answer.Json!["access_token"]!.GetValue<string>());
    }

    public void Dispose() => browser.Dispose();
}

public sealed record CreatedClient(Guid Id, string ClientId, string Secret, string Name);
