using Api.Admin.ApiClients;
using Api.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Api.Hosting;

/// <summary>
/// Marks in the OpenAPI document which operations need a bearer token (an endpoint that requires
/// authorization and is not explicitly anonymous), so the generated client, Scalar and the test
/// sweeps know without a list kept by hand. Two schemes: a person's session (the SSO's access
/// token for the portal SPA) and an API client's token (OAuth 2.0 client credentials at the
/// token endpoint). An operation whose policies accept API clients lists both, as alternatives,
/// the API client with the scope it needs; the others list only the session.
/// </summary>
public static class OpenApiBearerSecurity
{
    public const string SchemeName = "Bearer";
    public const string ApiClientSchemeName = "ApiClient";

    /// <summary>The policies an API client's token may pass (its scopes decide which); any other policy on the endpoint keeps it out.</summary>
    private static readonly HashSet<string> ApiClientPolicies = [AuthorizationPolicies.Staff, AuthorizationPolicies.Manager, AuthorizationPolicies.Scim];

    public static OpenApiOptions AddBearerSecurity(this OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A person's session: an access token of the SSO for the portal-api audience (the portal SPA's), with MFA for the admin area.",
            };
            document.Components.SecuritySchemes[ApiClientSchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.OAuth2,
                Description = "A partner's API client (Settings > API clients): exchange its client id and secret at the token endpoint " +
                    "(grant_type=client_credentials) and send the access token as a bearer token. Tokens live 10 minutes.",
                Flows = new OpenApiOAuthFlows
                {
                    ClientCredentials = new OpenApiOAuthFlow
                    {
                        TokenUrl = new Uri("/connect/token", UriKind.Relative),
                        Scopes = new Dictionary<string, string>
                        {
                            [ApiClientScopes.AdminRead] = "Read the admin API (GET).",
                            [ApiClientScopes.AdminWrite] = "Read and change through the admin API (implies admin.read).",
                            [ApiClientScopes.Scim] = "Provision end users through SCIM 2.0.",
                        },
                    },
                },
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
            {
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement
                {
                    [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [],
                });
                var policies = metadata.OfType<IAuthorizeData>().Select(data => data.Policy).OfType<string>().ToHashSet();
                if (ApiClientScopeFor(policies, context.Description.HttpMethod) is { } scope)
                {
                    operation.Security.Add(new OpenApiSecurityRequirement
                    {
                        [new OpenApiSecuritySchemeReference(ApiClientSchemeName, context.Document)] = [scope],
                    });
                }
            }

            return Task.CompletedTask;
        });
        return options;
    }

    /// <summary>The scope an API client needs here (as <see cref="ApiClientScopeRequirement"/> decides), or null when none will do.</summary>
    private static string? ApiClientScopeFor(IReadOnlySet<string> policies, string? method)
    {
        if (policies.Count == 0 || !policies.All(ApiClientPolicies.Contains))
        {
            return null;
        }

        return policies.Contains(AuthorizationPolicies.Scim) ? ApiClientScopes.Scim
            : policies.Contains(AuthorizationPolicies.Manager) || method is not ("GET" or "HEAD") ? ApiClientScopes.AdminWrite
            : ApiClientScopes.AdminRead;
    }
}
