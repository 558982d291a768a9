using Api.Sso.Accounts;
using Api.Sso.Products;

namespace Api.Admin.HomeUsers;

/// <summary>One person of Home &gt; User Management, with their roles in each product whose roles are given here.</summary>
/// <param name="Id">The staff member's or the end user's id (the one to edit roles with).</param>
/// <param name="Kind">"staff" or "end-user".</param>
/// <param name="ClientName">The end user's client; null for staff.</param>
public sealed record HomeUserRow(Guid Id, string Kind, string Name, string Email, string? ClientName, IReadOnlyList<HomeUserProductRoles> Products)
{
    /// <summary>The rows of some listings, with their roles (one query for all of them).</summary>
    public static async Task<List<HomeUserRow>> FromAsync(
        IReadOnlyCollection<HomeUserListing> listings, AccountAdministration accounts, ProductCatalog catalog, CancellationToken cancellationToken)
    {
        var roles = await accounts.RolesOfAsync([.. listings.Select(l => l.AccountId).Distinct()], cancellationToken);
        return [.. listings.Select(l => From(l, roles.GetValueOrDefault(l.AccountId) ?? [], catalog))];
    }

    public static HomeUserRow From(HomeUserListing listing, IReadOnlyCollection<string> roles, ProductCatalog catalog) =>
        new(listing.Id, listing.Kind, listing.Name, listing.Email, listing.ClientName, [.. ManagedProducts(catalog).Select(product => new HomeUserProductRoles(
            product.ClientId,
            product.DisplayName,
            [.. product.Roles.Where(roles.Contains)],
            product.AssignableRoles))]);

    /// <summary>The products whose roles partner admins give here: those with assignable roles (not the portal, whose roles Manage Users gives).</summary>
    public static IEnumerable<Product> ManagedProducts(ProductCatalog catalog) => catalog.All.Where(p => p.AssignableRoles.Count > 0);
}

/// <param name="ClientId">The product's OpenID Connect client id, which names it in the role-editing address.</param>
/// <param name="Roles">The person's roles in this product.</param>
/// <param name="AssignableRoles">The roles a partner admin may give or take here.</param>
public sealed record HomeUserProductRoles(string ClientId, string ProductName, IReadOnlyList<string> Roles, IReadOnlyList<string> AssignableRoles);
