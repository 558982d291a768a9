using Api.Shared;
using Microsoft.Extensions.Options;

namespace Api.Sso.Products;

public static class ProductServiceExtensions
{
    /// <summary>The configured products (<c>Sso:Products</c>), validated at start.</summary>
    public static IServiceCollection AddSsoProducts(this IServiceCollection services)
    {
        var products = services.AddOptions<ProductOptions>().BindConfiguration(ProductOptions.SectionName);
        if (!OpenApiGeneration.IsRunning)
        {
            products.ValidateOnStart();
            services.AddSingleton<IValidateOptions<ProductOptions>, ProductOptionsValidator>();
        }

        services.AddSingleton<ProductCatalog>();
        return services;
    }
}
