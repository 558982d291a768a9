using Api.Shared;
using Microsoft.Extensions.Options;

namespace Api.Sso.Products;

/// <summary>
/// The products of the platform, read-only, from the validated <see cref="ProductOptions"/>: who
/// may sign in (registration), what their tokens carry (authorize), who hears of a logout, and
/// which roles Home &gt; User Management may edit.
/// </summary>
public sealed class ProductCatalog(IOptions<ProductOptions> options, IConfiguration configuration)
{
    private readonly Lazy<IReadOnlyList<Product>> products = new(() => Load(options.Value, configuration));

    /// <summary>Every configured product, ordered by display name.</summary>
    public IReadOnlyList<Product> All => products.Value;

    /// <summary>The product with this OIDC client id, or null when none is configured.</summary>
    public Product? FindByClientId(string? clientId) =>
        clientId is null ? null : All.FirstOrDefault(product => product.ClientId == clientId);

    /// <summary>Every role any product knows.</summary>
    public IReadOnlySet<string> AllRoles => All.SelectMany(product => product.Roles).ToHashSet(StringComparer.Ordinal);

    private static IReadOnlyList<Product> Load(ProductOptions options, IConfiguration configuration)
    {
        var issuer = new Uri(PublicOrigin.Of(configuration));
        return [.. options.Products
            .Select(pair => new Product(
                pair.Key,
                pair.Value.DisplayName ?? pair.Key,
                pair.Value.Type,
                pair.Value.Audience ?? "",
                [.. pair.Value.RedirectUris.Select(uri => Resolve(issuer, uri))],
                [.. pair.Value.PostLogoutRedirectUris.Select(uri => Resolve(issuer, uri))],
                string.IsNullOrWhiteSpace(pair.Value.BackChannelLogoutUri) ? null : Resolve(issuer, pair.Value.BackChannelLogoutUri),
                [.. pair.Value.Roles],
                [.. pair.Value.AssignableRoles],
                pair.Value.AllowRefreshTokens))
            .OrderBy(product => product.DisplayName, StringComparer.CurrentCulture)];
    }

    /// <summary>A relative URI ("/portal/callback") is on the issuer's origin (and under its path, if any).</summary>
    public static Uri Resolve(Uri issuer, string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var absolute) && !uri.StartsWith('/')
            ? absolute
            : new Uri(issuer, uri.TrimStart('/'));
}
