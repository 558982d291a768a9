using System.Diagnostics;
using System.Globalization;

namespace Benchmarks.Flows;

/// <summary>
/// Stops the app host started with <c>dotnet run</c> and waits until everything it started has
/// stopped, so the next scenario runs on a quiet machine.
/// </summary>
internal static class AppHostShutdown
{
    /// <summary>
    /// SIGTERM to the app host (the child of dotnet run), then waits until its orchestrator (DCP,
    /// which watches the app host's pid) has stopped every resource and exited, and the ports are free.
    /// </summary>
    public static async Task StopAsync(Process wrapper, List<HealthProbe> probes)
    {
        var appHosts = Children(wrapper.Id).ToList();
        foreach (var pid in appHosts.Append(wrapper.Id))
        {
            using var kill = Process.Start("kill", ["-TERM", pid.ToString(CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }

        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await wrapper.WaitForExitAsync(patience.Token);
            while (probes.Any(p => HealthProbes.PortAnswers(p.Url)) || appHosts.Any(OrchestratorWatches))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), patience.Token);
            }
        }
        catch (OperationCanceledException)
        {
            wrapper.Kill(entireProcessTree: true);
        }
    }

    /// <summary>A DCP process started for this app host (its command line says <c>--monitor {pid}</c>) is still running.</summary>
    private static bool OrchestratorWatches(int appHostPid)
    {
        var marker = $"--monitor\0{appHostPid}\0";
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                if (int.TryParse(Path.GetFileName(directory), out _) && File.ReadAllText(Path.Combine(directory, "cmdline")).Contains(marker, StringComparison.Ordinal))
                {
                    return true;
                }
            }
            catch (IOException)
            {
                // the process ended while being looked at
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return false;
    }

    private static IEnumerable<int> Children(int pid)
    {
        var path = $"/proc/{pid}/task/{pid}/children";
        return File.Exists(path)
            ? File.ReadAllText(path).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(pid => int.Parse(pid, CultureInfo.InvariantCulture)).ToList()
            : [];
    }
}
