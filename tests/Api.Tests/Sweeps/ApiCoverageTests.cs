using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Api.Tests.Sso;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Api.Tests.Sweeps;

/// <summary>
/// The sweeps read their rows from Api/openapi/Api.json (written at build). These checks make
/// sure that file describes every endpoint the running Api has under /api/, so nothing escapes
/// the sweeps: not a stale file, not an endpoint left out of the document, and no endpoint that
/// is anonymous by accident.
/// </summary>
[Collection(SsoCollection.Name)]
public sealed partial class ApiCoverageTests(SsoApiFactory api)
{
    [Fact]
    [Trait("ASVS", "5.1.3")]
    [Trait("ASVS", "4.1.1")]
    public async Task The_build_document_describes_the_operations_the_api_serves()
    {
        using var browser = new SsoDriver(api);
        var served = ApiDescription.Read(JsonNode.Parse(await browser.Http.GetStringAsync("/openapi/v1.json"))!.AsObject());

        Assert.Equal(Describe(served), Describe(ApiDescription.Operations));
        Assert.Contains(ApiDescription.Operations, o => o.TakesInput);
        Assert.Contains(ApiDescription.Operations, o => o.RequiresBearer);
    }

    [Fact]
    [Trait("ASVS", "5.1.3")]
    [Trait("ASVS", "4.1.1")]
    public void Every_api_endpoint_is_in_the_document()
    {
        var documented = ApiDescription.Operations.Select(o => o.Key).ToHashSet();
        var endpoints = ApiEndpoints();

        var missing = endpoints.Select(e => e.Key).Where(key => !documented.Contains(key)).ToList();

        Assert.Contains(endpoints, e => e.Key == "POST /api/sso/login/start");
        Assert.True(missing.Count == 0, $"not in the OpenAPI document, so not swept: {string.Join(", ", missing)}");
    }

    [Fact]
    [Trait("ASVS", "4.1.1")]
    public void Every_api_endpoint_requires_authorization_unless_it_is_explicitly_anonymous()
    {
        var neither = ApiEndpoints()
            .Where(e => !e.Endpoint.Metadata.OfType<IAuthorizeData>().Any() && e.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(e => e.Key)
            .ToList();

        Assert.True(neither.Count == 0, $"neither RequireAuthorization nor AllowAnonymous: {string.Join(", ", neither)}");
    }

    private static string[] Describe(IEnumerable<ApiOperation> operations) =>
        [.. operations.Select(o => $"{o.Key} bearer={o.RequiresBearer} body={o.HasBody} parameters={o.Parameters.Count}").Order(StringComparer.Ordinal)];

    /// <summary>Every (method, route) the running Api maps under /api/, named as in the document.</summary>
    private List<(string Key, RouteEndpoint Endpoint)> ApiEndpoints() =>
    [
        .. from endpoint in api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
           let route = "/" + RouteConstraint().Replace(endpoint.RoutePattern.RawText?.Trim('/') ?? "", "{$1}")
           where route.StartsWith("/api/", StringComparison.Ordinal)
           from method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]
           select ($"{method} {route}", endpoint),
    ];

    /// <summary>"{id:guid}" → "{id}", as the document writes route parameters.</summary>
    [GeneratedRegex(@"\{\*{0,2}([^}:=?]+)[^}]*\}")]
    private static partial Regex RouteConstraint();
}
