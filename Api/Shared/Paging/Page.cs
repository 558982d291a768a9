using System.Text.Json.Serialization;

namespace Api.Shared.Paging;

/// <summary>One page of a list, as every list answers it.</summary>
/// <param name="Number">The page's number, from 1: <c>page</c> on the wire, as in the query.</param>
/// <param name="Total">How many rows match, on every page together.</param>
public record Page<T>(IReadOnlyList<T> Items, [property: JsonPropertyName("page")] int Number, int PageSize, int Total);
