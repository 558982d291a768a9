using System.Globalization;

namespace Api.Shared.Limits;

/// <summary>How long to wait, as a limit's sentence says it: "in 12 minutes", "in 5 hours".</summary>
public static class WaitWords
{
    /// <summary>Rounded up, so the user who waits as told is never refused again.</summary>
    public static string In(TimeSpan wait)
    {
        if (wait <= TimeSpan.FromMinutes(1))
        {
            return "in a minute";
        }

        if (wait <= TimeSpan.FromMinutes(90))
        {
            return $"in {Math.Ceiling(wait.TotalMinutes).ToString(CultureInfo.InvariantCulture)} minutes";
        }

        return $"in {Math.Ceiling(wait.TotalHours).ToString(CultureInfo.InvariantCulture)} hours";
    }
}
