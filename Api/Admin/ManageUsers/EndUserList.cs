using Api.Admin.Staff;
using Api.Infrastructure;
using Api.Sso.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Api.Admin.ManageUsers;

/// <summary>The Manage Users list: one page of end users, and how many there are in all.</summary>
public static class EndUserList
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>
    /// Users counted and paged through at most: past it the list says "10,000+" and asks for a
    /// search or filter instead. Counting or skipping every user of a 500,000-user partner would
    /// make each page cost as much as the whole table; this keeps it bounded, as search engines do.
    /// </summary>
    public const int CountLimit = 10_000;

    // Far beyond any real list; keeps the row offset within what SQL and LINQ's Skip accept.
    internal const int MaxPage = 1_000_000;

    public static async Task<Results<Ok<EndUserPage>, ValidationProblem, ProblemHttpResult>> GetEndUsers(
        [AsParameters] EndUserFilterParameters query,
        string? page,
        string? pageSize,
        StaffMember staff,
        AppDbContext db,
        AccountAdministration accounts,
        CancellationToken cancellationToken)
    {
        if (!EndUserFilter.TryRead(query, out var filter, out var invalid))
        {
            return invalid!;
        }

        if (!TryNumber(page, 1, MaxPage, 1, out var pageNumber))
        {
            return Problems.Invalid("page", "Choose a page number from 1.");
        }

        if (!TryNumber(pageSize, 1, MaxPageSize, DefaultPageSize, out var size))
        {
            return Problems.Invalid("pageSize", $"Show from 1 to {MaxPageSize} users per page.");
        }

        var skip = (pageNumber - 1) * size;
        if (skip >= CountLimit)
        {
            return Problems.Invalid("page", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Only the first {CountLimit:N0} users can be paged through. Search or filter to narrow the list."));
        }

        if (!await filter.IsClientVisibleAsync(staff, db, cancellationToken))
        {
            return EndUserFilter.ClientNotFound();
        }

        // One more than the limit tells "exactly 10,000" from "more than 10,000" without counting the rest.
        var counted = await EndUserListing.Countable(staff, db, accounts, filter).Matching(filter)
            .Take(CountLimit + 1)
            .CountAsync(cancellationToken);
        var listings = await EndUserListing.Listed(staff, db, accounts, filter)
            .Skip(skip)
            .Take(size)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new EndUserPage(
            await EndUserRow.FromAsync(listings, accounts), pageNumber, size, Math.Min(counted, CountLimit), counted > CountLimit));
    }

    /// <summary>A page or page size from the query: absent is <paramref name="absent"/>; anything but digits within the range is refused.</summary>
    internal static bool TryNumber(string? text, int min, int max, int absent, out int number)
    {
        if (string.IsNullOrEmpty(text))
        {
            number = absent;
            return true;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out number)
            && number >= min && number <= max;
    }
}

/// <param name="Total">How many end users match the search and filters, on every page together, counted up to <see cref="EndUserList.CountLimit"/>.</param>
/// <param name="TotalIsCapped">More users than <paramref name="Total"/> match (shown as "10,000+"); only the first <paramref name="Total"/> can be paged through.</param>
public sealed record EndUserPage(IReadOnlyList<EndUserRow> Items, int Page, int PageSize, int Total, bool TotalIsCapped);
