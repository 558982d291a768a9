// TEMPORARY (K3): stands in for K1's Api/Sso/Products until it is merged; deleted at that merge.
namespace Api.Sso.Products;

public sealed record Product(string ClientId, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<string> AssignableRoles);

public sealed class ProductCatalog(IConfiguration configuration)
{
    public IReadOnlyList<Product> All { get; } = [.. configuration.GetSection("Sso:Products").GetChildren()
        .Select(p => new Product(
            p.Key,
            p["DisplayName"] ?? p.Key,
            [.. p.GetSection("Roles").GetChildren().Select(r => r.Value!)],
            [.. p.GetSection("AssignableRoles").GetChildren().Select(r => r.Value!)]))
        .OrderBy(p => p.DisplayName, StringComparer.CurrentCulture)];

    public Product? FindByClientId(string? clientId) => All.FirstOrDefault(p => p.ClientId == clientId);
}
