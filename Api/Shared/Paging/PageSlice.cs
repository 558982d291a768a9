namespace Api.Shared.Paging;

/// <summary>A checked page of a list (see <see cref="PageRequest.Check"/>): its number, from 1, and its size.</summary>
public readonly record struct PageSlice(int Number, int Size)
{
    /// <summary>How many rows come before this page.</summary>
    public int Skip => (Number - 1) * Size;

    /// <summary>The answer: this page's rows and how many rows there are on every page together.</summary>
    public Page<T> Of<T>(IReadOnlyList<T> items, int total) => new(items, Number, Size, total);
}
