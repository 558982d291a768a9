namespace Benchmarks.Flows;

/// <summary>
/// The development mail server (smtp4dev) of the stack this bench started: the app host gives it
/// a dynamic port, and the Api no longer waits for it (so the Api's health no longer implies it),
/// so its inbox URL is read from its own command line (<c>--urls=…</c>) of the smtp4dev process
/// started after the measurement began (Linux /proc: the orchestrator that starts it detaches from
/// the app host, so it is no descendant). Its health URL is the one the app host checks.
/// </summary>
internal static class MailInboxProbe
{
    public const string Name = "mail";

    /// <summary>The inbox's health probe once an smtp4dev started at or after <paramref name="since"/> runs; null until then.</summary>
    public static HealthProbe? TryFind(DateTime since)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid) || StartOf(pid) is not { } started || started < since)
            {
                continue;
            }

            var arguments = ReadArguments(pid);
            if (!arguments.Any(a => a.Contains("smtp4dev", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var urls = arguments.FirstOrDefault(a => a.StartsWith("--urls=", StringComparison.Ordinal));
            if (urls is not null && Uri.TryCreate(urls["--urls=".Length..].Split(';')[0], UriKind.Absolute, out var inbox))
            {
                return new HealthProbe(Name, new Uri(inbox, "/api/messages?pageSize=1"), AnyAnswer: false);
            }
        }

        return null;
    }

    /// <summary>When the process started (UTC): field 22 of /proc/PID/stat, in clock ticks after boot; null when it is gone.</summary>
    private static DateTime? StartOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.TryParse(fields[19], out var ticks) ? BootTime.Value.AddSeconds(ticks / 100.0) : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The btime line of /proc/stat (seconds since the epoch); the kernel's USER_HZ is 100 on Linux.</summary>
    private static readonly Lazy<DateTime> BootTime = new(() =>
        DateTime.UnixEpoch.AddSeconds(long.Parse(File.ReadLines("/proc/stat").First(l => l.StartsWith("btime ", StringComparison.Ordinal))[6..].Trim(), System.Globalization.CultureInfo.InvariantCulture)));

    private static string[] ReadArguments(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (IOException)
        {
            return [];
        }
        catch (UnauthorizedAccessException)
        {
            return [];
        }
    }
}
