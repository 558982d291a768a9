using Api.Admin.Staff;
using Api.Data;
using Api.Shared;
using Api.Shared.Paging;
using Api.Sso.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.ManageUsers;

/// <summary>The Manage Users list: one page of end users, and how many there are in all.</summary>
public static class ListEndUsers
{
    /// <summary>
    /// Users counted and paged through at most: past it the list says "10,000+" and asks for a
    /// search or filter instead. Counting or skipping every user of a 500,000-user partner would
    /// make each page cost as much as the whole table; this keeps it bounded, as search engines do.
    /// </summary>
    public const int CountLimit = 10_000;

    public static async Task<Results<Ok<EndUserPage>, ValidationProblem, ProblemHttpResult>> HandleAsync(
        [AsParameters] EndUserFilterParameters query,
        [AsParameters] PageRequest paging,
        StaffMember staff,
        AppDbContext db,
        AccountAdministration accounts,
        CancellationToken cancellationToken)
    {
        if (!EndUserFilter.TryRead(query, out var filter, out var invalid))
        {
            return invalid!;
        }

        if (paging.Check(PageSizeLimits.Standard, out var page) is { } invalidPage)
        {
            return invalidPage;
        }

        if (page.Skip >= CountLimit)
        {
            return Problems.Invalid("page", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Only the first {CountLimit:N0} users can be paged through. Search or filter to narrow the list."));
        }

        if (!await filter.IsClientVisibleAsync(staff, db, cancellationToken))
        {
            return EndUserFilter.ClientNotFound();
        }

        // One more than the limit tells "exactly 10,000" from "more than 10,000" without counting the rest.
        var counted = await EndUserListing.Countable(staff, db, accounts, filter)
            .Take(CountLimit + 1)
            .CountAsync(cancellationToken);
        var listings = await EndUserListing.Listed(staff, db, accounts, filter)
            .Slice(page)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new EndUserPage(
            await EndUserRow.FromAsync(listings, db, accounts, cancellationToken), page.Number, page.Size, Math.Min(counted, CountLimit), counted > CountLimit));
    }
}

/// <summary>A page of the list (<see cref="Page{T}"/>) that also says whether its total was capped.</summary>
/// <param name="Total">How many end users match the search and filters, on every page together, counted up to <see cref="ListEndUsers.CountLimit"/>.</param>
/// <param name="TotalIsCapped">More users than <paramref name="Total"/> match (shown as "10,000+"); only the first <paramref name="Total"/> can be paged through.</param>
public sealed record EndUserPage(IReadOnlyList<EndUserRow> Items, int Number, int PageSize, int Total, bool TotalIsCapped)
    : Page<EndUserRow>(Items, Number, PageSize, Total);
