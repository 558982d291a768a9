using Api.Sso.Oidc;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Api.Tests.Sso.Products;

/// <summary>Issue 10, item 6: OpenIddict's clients are exactly the configured products, after every start.</summary>
[Collection(ProductsCollection.Name)]
public sealed class ProductRegistrationTests(ProductsApiFactory api)
{
    [Fact]
    public async Task A_product_removed_from_configuration_is_deleted_at_the_next_start_and_the_others_stay()
    {
        await using (var scope = api.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>().CreateAsync(new OpenIddictApplicationDescriptor
            {
                ClientId = "retired-product",
                ClientType = ClientTypes.Public,
                RedirectUris = { new Uri("https://retired.example/callback") },
                Permissions = { Permissions.Endpoints.Authorization, Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code },
            });
        }

        // Replicas starting together all register at once.
        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => api.Services.RegisterProductsAsync()));

        await using var check = api.Services.CreateAsyncScope();
        var applications = check.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        Assert.Null(await applications.FindByClientIdAsync("retired-product"));
        var rmm = await applications.FindByClientIdAsync(ProductsApiFactory.Rmm);
        Assert.NotNull(rmm);
        Assert.Equal(ClientTypes.Confidential, await applications.GetClientTypeAsync(rmm));
        Assert.Equal(ConsentTypes.Implicit, await applications.GetConsentTypeAsync(rmm));
        Assert.True(await applications.ValidateClientSecretAsync(rmm, ProductsApiFactory.RmmSecret));
        Assert.Equal([ProductsApiFactory.Other, "portal-spa", ProductsApiFactory.Rmm], await ClientIdsAsync(applications));
    }

    [Fact]
    public async Task Fifty_replicas_starting_together_on_a_fresh_database_all_start_with_one_client_per_product()
    {
        // A fresh database: no client registered yet (the soak's three replicas crashed here).
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var existing = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            var all = new List<object>();
            await foreach (var application in existing.ListAsync())
            {
                all.Add(application);
            }

            foreach (var application in all)
            {
                await existing.DeleteAsync(application);
            }
        }

        var starts = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Record.ExceptionAsync(() => api.Services.RegisterProductsAsync())));

        Assert.All(starts, Assert.Null);
        await using var check = api.Services.CreateAsyncScope();
        var applications = check.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        Assert.Equal([ProductsApiFactory.Other, "portal-spa", ProductsApiFactory.Rmm], await ClientIdsAsync(applications));
        Assert.True(await applications.ValidateClientSecretAsync((await applications.FindByClientIdAsync(ProductsApiFactory.Rmm))!, ProductsApiFactory.RmmSecret));
    }

    private static async Task<List<string>> ClientIdsAsync(IOpenIddictApplicationManager applications)
    {
        var ids = new List<string>();
        await foreach (var application in applications.ListAsync())
        {
            ids.Add((await applications.GetClientIdAsync(application))!);
        }

        return [.. ids.Order(StringComparer.Ordinal)];
    }
}
