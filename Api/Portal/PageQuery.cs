using Api.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Api.Portal;

/// <summary>
/// A page of a portal list as the query string asks for it (<c>page</c>, <c>pageSize</c>): read
/// as text, so "abc" or "-1" get a sentence instead of the framework's bare 400.
/// </summary>
public sealed record PageQuery(int Page, int PageSize)
{
    // Far beyond any real list; keeps the row offset within what SQL and LINQ's Skip accept.
    private const int MaxPage = 1_000_000;

    public int Skip => (Page - 1) * PageSize;

    /// <summary>The page asked for, or the problem with a sentence naming the parameter.</summary>
    public static (PageQuery? Query, ValidationProblem? Problem) Read(string? page, string? pageSize, int defaultPageSize, int maxPageSize, string items)
    {
        if (!TryNumber(page, MaxPage, 1, out var number))
        {
            return (null, Problems.Invalid("page", "Choose a page number from 1."));
        }

        if (!TryNumber(pageSize, maxPageSize, defaultPageSize, out var size))
        {
            return (null, Problems.Invalid("pageSize", $"Show from 1 to {maxPageSize} {items} per page."));
        }

        return (new PageQuery(number, size), null);
    }

    private static bool TryNumber(string? text, int max, int absent, out int number)
    {
        if (string.IsNullOrEmpty(text))
        {
            number = absent;
            return true;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out number)
            && number >= 1 && number <= max;
    }
}
