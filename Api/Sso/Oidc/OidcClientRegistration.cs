using Api.Sso.Keys;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Api.Sso.Oidc;

/// <summary>
/// Registers the portal SPA as a public client (code + PKCE) with exact redirect URIs on the
/// portal's origin. Runs at every start so a changed origin updates the registration.
/// </summary>
public static class OidcClientRegistration
{
    public static async Task RegisterPortalClientAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        try
        {
            await RegisterOnceAsync(services, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another replica starting at the same moment registered it first: update theirs,
            // in a fresh scope (OpenIddict caches the lookup that found nothing).
            await RegisterOnceAsync(services, cancellationToken);
        }
    }

    private static async Task RegisterOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var origin = TokenValidationExtensions.IssuerOf(scope.ServiceProvider.GetRequiredService<IConfiguration>());

        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = OidcServerExtensions.PortalClientId,
            DisplayName = "End User Portal",
            ClientType = ClientTypes.Public,
            ConsentType = ConsentTypes.Implicit,
            RedirectUris = { new Uri($"{origin}portal/callback"), new Uri($"{origin}portal/silent-callback") },
            PostLogoutRedirectUris = { new Uri(origin) },
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Email,
                Permissions.Scopes.Profile,
                Permissions.Prefixes.Scope + OidcServerExtensions.ApiScope,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };

        var existing = await applications.FindByClientIdAsync(OidcServerExtensions.PortalClientId, cancellationToken);
        if (existing is null)
        {
            await applications.CreateAsync(descriptor, cancellationToken);
        }
        else
        {
            await applications.UpdateAsync(existing, descriptor, cancellationToken);
        }
    }
}
