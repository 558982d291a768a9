using System.Security.Claims;
using Api.Sso.Keys;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Api.Sso.MachineClients;

/// <summary>
/// Issues a machine client's access token (client-credentials grant; OpenIddict has already
/// authenticated the client and checked that each requested scope is one it was given): the client
/// id as subject, the scopes asked for (all it was given when it asks for none), the claims stamped
/// at its creation, the Api as audience, and nothing else (no name, role or amr: there is no person).
/// </summary>
public sealed class ClientCredentialsGrant(IOpenIddictApplicationManager applications, IOptions<MachineClientOptions> options) :
    IOpenIddictServerHandler<OpenIddictServerEvents.HandleTokenRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<OpenIddictServerEvents.HandleTokenRequestContext>()
            .UseScopedHandler<ClientCredentialsGrant>()
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(OpenIddictServerEvents.HandleTokenRequestContext context)
    {
        if (!context.Request.IsClientCredentialsGrantType())
        {
            return;
        }

        var application = await applications.FindByClientIdAsync(context.ClientId!, context.CancellationToken);
        var properties = application is null ? null : await applications.GetPropertiesAsync(application, context.CancellationToken);
        if (application is null || properties is null || !MachineClientProperties.IsMachineClient(properties))
        {
            context.Reject(Errors.UnauthorizedClient, "This client may not use the client credentials grant.");
            return;
        }

        var given = (await applications.GetPermissionsAsync(application, context.CancellationToken))
            .Where(permission => permission.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal))
            .Select(permission => permission[Permissions.Prefixes.Scope.Length..])
            .ToList();
        var requested = context.Request.GetScopes();
        var scopes = requested.IsEmpty ? given : [.. requested.Where(given.Contains)];

        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, context.ClientId);
        foreach (var (name, value) in MachineClientProperties.TokenClaimsOf(properties))
        {
            identity.SetClaim(name, value);
        }

        identity.SetScopes(scopes);
        identity.SetResources(TokenValidationExtensions.ApiAudience);
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        var principal = new ClaimsPrincipal(identity);
        principal.SetAccessTokenLifetime(options.Value.AccessTokenLifetime);
        context.SignIn(principal);
    }
}
