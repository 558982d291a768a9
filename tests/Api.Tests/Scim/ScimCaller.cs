using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Api.Tests.Admin.ApiClients;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Api.Tests.Scim;

/// <summary>
/// A partner's provisioning client calling /scim/v2, the one way SCIM tests authenticate: an API
/// client of the partner with the scim scope, created in Settings by a partner admin and exchanged
/// for a token at the token endpoint, as Entra ID or Okta would (<see cref="ForPartnerAsync"/>);
/// or a partner admin's own signed-in session (<see cref="As"/>).
/// </summary>
public sealed class ScimCaller(HttpClient http, string token) : IDisposable
{
    public const string Base = "/scim/v2";

    public static async Task<ScimCaller> ForPartnerAsync(SsoApiFactory api, AdminWorld world)
    {
        using var steps = new ApiClientSteps(api);
        var provisioning = await steps.CreateAsync(await world.StaffAsync(), "scim");
        return new(Client(api), (await steps.TokenAsync(provisioning)).Token);
    }

    /// <summary>Someone else's signed-in state (an operator, a technician), to show who is refused.</summary>
    public static ScimCaller As(SsoApiFactory api, StaffLogin login) => new(Client(api), login.Token);

    public Task<ScimAnswer> GetAsync(string path, Action<HttpRequestMessage>? headers = null) => SendAsync(HttpMethod.Get, path, null, headers);

    public Task<ScimAnswer> PostAsync(string path, string json) => SendAsync(HttpMethod.Post, path, json);

    public Task<ScimAnswer> PutAsync(string path, string json, Action<HttpRequestMessage>? headers = null) => SendAsync(HttpMethod.Put, path, json, headers);

    public Task<ScimAnswer> PatchAsync(string path, string json, Action<HttpRequestMessage>? headers = null) => SendAsync(HttpMethod.Patch, path, json, headers);

    public Task<ScimAnswer> DeleteAsync(string path, Action<HttpRequestMessage>? headers = null) => SendAsync(HttpMethod.Delete, path, null, headers);

    public async Task<ScimAnswer> SendAsync(HttpMethod method, string path, string? json, Action<HttpRequestMessage>? headers = null, string mediaType = "application/scim+json")
    {
        using var request = new HttpRequestMessage(method, path.StartsWith('/') ? path : $"{Base}/{path}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, mediaType);
        }

        headers?.Invoke(request);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new ScimAnswer(
            response.StatusCode,
            text.Length == 0 ? null : JsonNode.Parse(text) as JsonObject,
            response.Headers.ETag?.ToString(),
            response.Headers.Location?.ToString(),
            response.Content.Headers.ContentType?.MediaType,
            text)
        {
            RetryAfter = response.Headers.RetryAfter?.Delta,
        };
    }

    /// <summary>A new, unique e-mail address for a provisioned user.</summary>
    public static string NewEmail(string who = "user") => $"{who}-{Guid.NewGuid():N}@scim-tests.example";

    public void Dispose() => http.Dispose();

    private static HttpClient Client(SsoApiFactory api) => api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(SsoApiFactory.Issuer) });
}

/// <summary>What a SCIM call answered.</summary>
public sealed record ScimAnswer(HttpStatusCode Status, JsonObject? Json, string? ETag, string? Location, string? MediaType, string Text)
{
    public TimeSpan? RetryAfter { get; init; }

    public string? this[string member] => Json?[member] is JsonValue v ? v.ToString() : Json?[member]?.ToJsonString();

    public Guid Id => Guid.Parse((string)Json!["id"]!);

    public string? ScimType => (string?)Json?["scimType"];

    public string? Detail => (string?)Json?["detail"];

    public JsonArray Resources => (JsonArray)Json!["Resources"]!;

    public override string ToString() => $"{(int)Status} {Text}";
}
