using Api.Shared;
using Microsoft.AspNetCore.Mvc;

namespace Api.Admin.ApiClients;

/// <summary>
/// Settings &gt; API clients: a partner admin, signed in (never an API client itself), lists,
/// creates, rotates the secret of, retires the old secret of and revokes the partner's API clients.
/// </summary>
public static class ApiClientsApi
{
    public static RouteGroupBuilder MapApiClientsApi(this RouteGroupBuilder admin)
    {
        var clients = admin.MapGroup("/api-clients")
            .RequireAuthorization(AuthorizationPolicies.Manager, AuthorizationPolicies.InPerson)
            .WithMetadata(new RequestSizeLimitAttribute(InputRules.MaxBodyBytes));
        clients.MapGet("/", ListApiClients.HandleAsync)
            .WithName("ListApiClients")
            .WithSummary("The partner's API clients (never their secrets), active ones first.");
        clients.MapPost("/", CreateApiClient.HandleAsync)
            .WithName("CreateApiClient")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Creates an API client (name, scopes admin.read / admin.write / scim); its secret is in this answer only.");
        clients.MapPost("/{apiClientId:guid}/rotate-secret", RotateApiClientSecret.HandleAsync)
            .WithName("RotateApiClientSecret")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Gives the API client a new secret (in this answer only); the old one keeps working for 7 days or until retired.");
        clients.MapPost("/{apiClientId:guid}/retire-old-secret", RetireOldApiClientSecret.HandleAsync)
            .WithName("RetireOldApiClientSecret")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("The secret before the last rotation stops working now.");
        clients.MapPost("/{apiClientId:guid}/revoke", RevokeApiClient.HandleAsync)
            .WithName("RevokeApiClient")
            .WithSummary("Revokes the API client: no new tokens, and its tokens are refused (401) at once.");
        return admin;
    }
}
