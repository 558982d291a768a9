using System.Diagnostics;

namespace AppHost;

/// <summary>
/// A container resource on a machine without a container engine never becomes healthy, and
/// everything waiting for it hangs. So a container mode is checked first, in seconds.
/// </summary>
internal static class ContainerRuntime
{
    public static void EnsureAvailable(string whatAskedForIt)
    {
        var runtime = Environment.GetEnvironmentVariable("ASPIRE_CONTAINER_RUNTIME")
            ?? Environment.GetEnvironmentVariable("DOTNET_ASPIRE_CONTAINER_RUNTIME")
            ?? "docker";
        if (Answers(runtime))
        {
            return;
        }

        throw new StartRefusedException(
            $"{whatAskedForIt} needs a container runtime, but `{runtime} info` did not answer. " +
            $"Start Docker or Podman (set ASPIRE_CONTAINER_RUNTIME=podman for Podman), or use the embedded default " +
            $"(remove that setting), or point the app host at an existing server with a connection string. See README.md, \"Real Redis and SQL Server\".");
    }

    private static bool Answers(string runtime)
    {
        try
        {
            using var info = Process.Start(new ProcessStartInfo(runtime, "info")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (info is null)
            {
                return false;
            }

            if (!info.WaitForExit(TimeSpan.FromSeconds(8)))
            {
                info.Kill(entireProcessTree: true);
                return false;
            }

            return info.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // the runtime's CLI is not installed at all
        }
    }
}
