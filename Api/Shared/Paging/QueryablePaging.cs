namespace Api.Shared.Paging;

public static class QueryablePaging
{
    /// <summary>The rows of one page. The query must be in a total order (ties broken by id) so pages never overlap.</summary>
    public static IQueryable<T> Slice<T>(this IQueryable<T> rows, PageSlice page) => rows.Skip(page.Skip).Take(page.Size);
}
