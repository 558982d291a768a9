using Api.Sso.MachineClients;
using Api.Sso.Products;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Api.Sso.Oidc;

/// <summary>
/// Makes OpenIddict's clients what <c>Sso:Products</c> says, at every start: each configured
/// product is created or updated (a changed origin, secret or role list takes effect), and a client
/// no longer configured is deleted with its tokens, so nothing more is issued to it.
/// </summary>
public static class ProductRegistration
{
    /// <summary>How often a start tries again when other replicas starting at the same moment got there first.</summary>
    private const int Attempts = 10;

    public static async Task RegisterProductsAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await RegisterOnceAsync(services, cancellationToken);
                return;
            }
            catch (Exception exception) when (attempt < Attempts && exception is DbUpdateException
                or OpenIddictExceptions.ConcurrencyException or OpenIddictExceptions.ValidationException)
            {
                // Another replica starting at the same moment changed them first: it created a
                // client this one found missing (OpenIddict's check answers "an application with
                // the same client identifier already exists") or updated one this one had read.
                // Try again in a fresh scope (OpenIddict caches the lookup), a little apart.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(10, 50 * attempt)), cancellationToken);
            }
        }
    }

    private static async Task RegisterOnceAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var catalog = scope.ServiceProvider.GetRequiredService<ProductCatalog>();
        var settings = scope.ServiceProvider.GetRequiredService<IOptions<ProductOptions>>().Value.Products;

        foreach (var product in catalog.All)
        {
            var descriptor = DescriptorOf(product, settings[product.ClientId].ClientSecret);
            var existing = await applications.FindByClientIdAsync(product.ClientId, cancellationToken);
            if (existing is null)
            {
                await applications.CreateAsync(descriptor, cancellationToken);
            }
            else
            {
                await applications.UpdateAsync(existing, descriptor, cancellationToken);
            }
        }

        var stale = new List<object>();
        await foreach (var application in applications.ListAsync(count: null, offset: null, cancellationToken))
        {
            // Machine clients are not configured products: their owners register and revoke them.
            if (catalog.FindByClientId(await applications.GetClientIdAsync(application, cancellationToken)) is null
                && !MachineClientProperties.IsMachineClient(await applications.GetPropertiesAsync(application, cancellationToken)))
            {
                stale.Add(application);
            }
        }

        foreach (var application in stale)
        {
            await applications.DeleteAsync(application, cancellationToken);
        }
    }

    /// <summary>
    /// First-party products: implicit consent (no consent screen), code + PKCE only, the product's
    /// own API scope and no other; a confidential one authenticates at the token endpoint with its secret.
    /// Refresh tokens (offline_access) only for a product configured to ask for them (the portal).
    /// </summary>
    private static OpenIddictApplicationDescriptor DescriptorOf(Product product, string? secret)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = product.ClientId,
            DisplayName = product.DisplayName,
            ClientType = product.IsConfidential ? ClientTypes.Confidential : ClientTypes.Public,
            ClientSecret = product.IsConfidential ? secret : null,
            ConsentType = ConsentTypes.Implicit,
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Email,
                Permissions.Scopes.Profile,
                Permissions.Prefixes.Scope + product.Audience,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        if (product.AllowsRefreshTokens)
        {
            descriptor.Permissions.Add(Permissions.GrantTypes.RefreshToken);
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + Scopes.OfflineAccess);
        }

        descriptor.RedirectUris.UnionWith(product.RedirectUris);
        descriptor.PostLogoutRedirectUris.UnionWith(product.PostLogoutRedirectUris);
        return descriptor;
    }
}
