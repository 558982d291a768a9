using Api.Admin.ManageUsers;
using Api.Admin.Staff;
using Api.Data;
using Api.Shared;
using Api.Shared.Paging;
using Api.Sso.Accounts;
using Api.Sso.Products;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.HomeUsers;

/// <summary>The Home &gt; User Management list: one page of people, and how many there are in all.</summary>
public static class ListHomeUsers
{
    public static async Task<Results<Ok<Page<HomeUserRow>>, ValidationProblem>> HandleAsync(
        string? search,
        [AsParameters] PageRequest paging,
        StaffMember staff,
        AppDbContext db,
        AccountAdministration accounts,
        ProductCatalog catalog,
        CancellationToken cancellationToken)
    {
        var text = string.IsNullOrWhiteSpace(search) ? null : search.Trim();
        if (text is { Length: > EndUserFilter.MaxSearchLength })
        {
            return Problems.Invalid("search", $"Search for at most {EndUserFilter.MaxSearchLength} characters.");
        }

        if (paging.Check(PageSizeLimits.Standard, out var page) is { } invalidPage)
        {
            return invalidPage;
        }

        var matching = HomeUserListing.Query(staff, db, accounts).Matching(text);
        var total = await matching.CountAsync(cancellationToken);
        var listings = await matching.Sorted()
            .Slice(page)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(page.Of(await HomeUserRow.FromAsync(listings, accounts, catalog, cancellationToken), total));
    }
}
