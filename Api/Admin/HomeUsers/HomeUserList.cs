using Api.Admin.ManageUsers;
using Api.Admin.Staff;
using Api.Infrastructure;
using Api.Sso.Accounts;
using Api.Sso.Products;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.HomeUsers;

/// <summary>The Home &gt; User Management list: one page of people, and how many there are in all.</summary>
public static class HomeUserList
{
    public static async Task<Results<Ok<HomeUserPage>, ValidationProblem>> GetHomeUsers(
        string? search,
        string? page,
        string? pageSize,
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

        if (!EndUserList.TryNumber(page, 1, EndUserList.MaxPage, 1, out var pageNumber))
        {
            return Problems.Invalid("page", "Choose a page number from 1.");
        }

        if (!EndUserList.TryNumber(pageSize, 1, EndUserList.MaxPageSize, EndUserList.DefaultPageSize, out var size))
        {
            return Problems.Invalid("pageSize", $"Show from 1 to {EndUserList.MaxPageSize} people per page.");
        }

        var matching = HomeUserListing.Query(staff, db, accounts).Matching(text);
        var total = await matching.CountAsync(cancellationToken);
        var listings = await matching.Sorted()
            .Skip((pageNumber - 1) * size)
            .Take(size)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new HomeUserPage(await HomeUserRow.FromAsync(listings, accounts, catalog, cancellationToken), pageNumber, size, total));
    }
}
