using System.Globalization;

namespace Api.SsoMigration.Planning;

/// <summary>
/// When a batch runs: a UTC instant plus the IANA time zone the operator planned in. The zone is
/// kept (not only the offset) so that every date shown — the console, the partner banner, the
/// notice e-mails — reads as the operator meant it, daylight saving included.
/// </summary>
public static class BatchSchedule
{
    public const int MaxTimeZoneLength = 64;

    /// <summary>The zone, or null when it is not an IANA id this machine knows (Windows ids are refused: the SPA and e-mails show IANA ids).</summary>
    public static TimeZoneInfo? FindZone(string? timeZone) =>
        timeZone is { Length: > 0 and <= MaxTimeZoneLength }
        && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone)
        && (zone.HasIanaId || timeZone == "UTC")
            ? zone
            : null;

    /// <summary>"14 December 2026, 09:00 (Europe/Amsterdam)": the instant in its zone, for people.</summary>
    public static string Describe(DateTime scheduledAtUtc, string timeZone) => $"{DateAndTime(scheduledAtUtc, timeZone)} ({timeZone})";

    /// <summary>"14 December 2026": the day in the batch's zone (the notice's subject).</summary>
    public static string Day(DateTime scheduledAtUtc, string timeZone) =>
        Local(scheduledAtUtc, timeZone).ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string DateAndTime(DateTime scheduledAtUtc, string timeZone) =>
        Local(scheduledAtUtc, timeZone).ToString("d MMMM yyyy, HH:mm", CultureInfo.InvariantCulture);

    private static DateTime Local(DateTime scheduledAtUtc, string timeZone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(scheduledAtUtc, DateTimeKind.Utc), FindZone(timeZone) ?? TimeZoneInfo.Utc);
}
