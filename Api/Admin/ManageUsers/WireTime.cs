namespace Api.Admin.ManageUsers;

/// <summary>
/// Times are stored in UTC, but SQLite hands them back with no kind; marked as UTC they reach the
/// SPA with their "Z" (and the CSV as ISO 8601 UTC) instead of being read as the browser's local time.
/// </summary>
public static class WireTime
{
    public static DateTime? Utc(DateTime? stored) => stored is { } value ? DateTime.SpecifyKind(value, DateTimeKind.Utc) : null;

    /// <summary>ISO 8601 in UTC, e.g. 2026-11-29T14:05:00Z; empty when there is no time.</summary>
    public static string Iso(DateTime? stored) =>
        Utc(stored)?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture) ?? "";
}
