using Api.Shared;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Api.Shared.Paging;

/// <summary>
/// The page a list is asked for (<c>?page=2&amp;pageSize=50</c>), bound with <c>[AsParameters]</c>.
/// Both are read as text, so anything but a number in range ("two", "0", "201") is answered with
/// one sentence naming the field, the same on every list, rather than the framework's "could not
/// be read".
/// </summary>
public sealed class PageRequest
{
    /// <summary>Far beyond any real list; keeps the row offset within what SQL and LINQ's Skip accept.</summary>
    public const int MaxPage = 1_000_000;

    [FromQuery(Name = "page")]
    public string? Page { get; init; }

    [FromQuery(Name = "pageSize")]
    public string? PageSize { get; init; }

    /// <summary>The one sentence for a page or page size out of range, on every list.</summary>
    public static string Refusal(PageSizeLimits limits) =>
        string.Create(CultureInfo.InvariantCulture, $"Choose a page number from 1 and a page size from 1 to {limits.Max}.");

    /// <summary>The page asked for (the first, of the list's default size, when the query does not say), or the problem with it.</summary>
    public ValidationProblem? Check(PageSizeLimits limits, out PageSlice page)
    {
        var pageRead = TryNumber(Page, MaxPage, absent: 1, out var number);
        var sizeRead = TryNumber(PageSize, limits.Max, absent: limits.Default, out var size);
        page = new PageSlice(number, size);
        return (pageRead, sizeRead) switch
        {
            (false, _) => Problems.Invalid("page", Refusal(limits)),
            (_, false) => Problems.Invalid("pageSize", Refusal(limits)),
            _ => null,
        };
    }

    /// <summary>Absent is <paramref name="absent"/>; anything but plain digits from 1 to <paramref name="max"/> is refused.</summary>
    private static bool TryNumber(string? text, int max, int absent, out int number)
    {
        if (string.IsNullOrEmpty(text))
        {
            number = absent;
            return true;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number >= 1 && number <= max;
    }
}
