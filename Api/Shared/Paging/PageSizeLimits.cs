namespace Api.Shared.Paging;

/// <summary>How many rows one page of a list holds: <paramref name="Default"/> when the query does not say, at most <paramref name="Max"/>.</summary>
public sealed record PageSizeLimits(int Default, int Max)
{
    /// <summary>Every list's but the ticket lists' (end users, people, devices, audit events, migration results).</summary>
    public static readonly PageSizeLimits Standard = new(50, 200);
}
