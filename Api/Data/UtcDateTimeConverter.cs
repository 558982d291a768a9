using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Api.Data;

/// <summary>
/// Every time the Api stores is UTC, but neither SQLite (text) nor SQL Server (datetime2) keeps a
/// DateTime's kind: read back as-is it would be Unspecified, reach the wire without its "Z", and a
/// browser would take it for its own local time. Applied to every DateTime of the model (see
/// <see cref="AppDbContext"/>'s ConfigureConventions), it marks what is read as UTC, once, for
/// every query. The value stored is the same DateTime, so SQLite's text ("2026-12-06 08:00:00.1234567",
/// no kind in it) is unchanged: existing rows, ordering, comparisons and the schema stay as they were.
/// </summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    // A local time (none is written today) is stored as the same instant in UTC; UTC and
    // unspecified times are stored untouched, exactly as before this converter.
    time => time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time,
    stored => DateTime.SpecifyKind(stored, DateTimeKind.Utc));
