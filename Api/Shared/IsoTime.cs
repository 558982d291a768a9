using System.Globalization;

namespace Api.Shared;

/// <summary>
/// A time as the Api writes it in text (CSV cells, audit before/after values): ISO 8601 in UTC to
/// the second, e.g. 2026-11-29T14:05:00Z; the same instant as the JSON, which keeps the fraction.
/// The Api's times are UTC: the clock's, and every one read back (<c>Api.Data.UtcDateTimeConverter</c>).
/// </summary>
public static class IsoTime
{
    /// <summary>The time as text; empty when there is none.</summary>
    public static string Of(DateTime? utc) => utc?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "";
}
