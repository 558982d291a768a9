using Api.Scim.Discovery;
using Api.Scim.Users;
using Api.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Api.Scim;

/// <summary>
/// SCIM 2.0 (RFC 7643, RFC 7644) at /scim/v2: a partner's identity provider (Microsoft Entra ID,
/// Okta) provisions the partner's end users, through the same actions as Manage Users. Users live
/// at /Users (the client chosen by an attribute) and at /Clients/{clientId}/Users (the client
/// chosen by the path). Left out of the OpenAPI document: SCIM describes itself at /Schemas and
/// /ResourceTypes, and its bodies are SCIM's, not the admin API's.
/// </summary>
public static class ScimApi
{
    public const string Path = "/scim/v2";

    /// <summary>The absolute base of SCIM's resource locations (meta.location).</summary>
    public static string BaseUrl(IConfiguration configuration) => PublicOrigin.Of(configuration).TrimEnd('/') + Path;

    public static IEndpointRouteBuilder MapScimApi(this IEndpointRouteBuilder app)
    {
        var scim = app.MapGroup(Path)
            .RequireAuthorization(AuthorizationPolicies.Scim)
            .WithMetadata(new RequestSizeLimitAttribute(InputRules.MaxBodyBytes))
            .ExcludeFromDescription()
            .NoStore();
        scim.MapGet("/ServiceProviderConfig", GetServiceProviderConfig.Handle);
        scim.MapGet("/ResourceTypes", GetResourceTypes.Handle);
        scim.MapGet("/ResourceTypes/{name}", GetResourceTypes.HandleOne);
        scim.MapGet("/Schemas", GetSchemas.Handle);
        scim.MapGet("/Schemas/{id}", GetSchemas.HandleOne);
        MapUsers(scim.MapGroup("/Users"));
        MapUsers(scim.MapGroup("/Clients/{clientId:guid}/Users"));
        return app;
    }

    private static void MapUsers(RouteGroupBuilder users)
    {
        users.MapPost("/", CreateScimUser.HandleAsync);
        users.MapGet("/", ListScimUsers.HandleAsync);
        users.MapGet("/{id:guid}", GetScimUser.HandleAsync);
        users.MapPut("/{id:guid}", ReplaceScimUser.HandleAsync);
        users.MapPatch("/{id:guid}", PatchScimUser.HandleAsync);
        users.MapDelete("/{id:guid}", DeleteScimUser.HandleAsync);
    }
}
