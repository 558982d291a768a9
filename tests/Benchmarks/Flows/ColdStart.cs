using System.Diagnostics;

namespace Benchmarks.Flows;

/// <summary>When one resource of the stack first answered its health check, seconds after the start command.</summary>
public sealed record ResourceReady(string Name, string HealthUrl, double Seconds);

/// <summary>Seconds from <c>dotnet run --project AppHost --no-build</c> until the last resource was healthy.</summary>
public sealed record ColdStartResult(double Seconds, IReadOnlyList<ResourceReady> Resources);

/// <summary>
/// The stack's cold start as a developer gets it: <c>dotnet run --project AppHost --no-build</c>
/// (the app host already built; built here first, untimed, if it is not) on a fresh data
/// directory (so the Api creates and seeds its SQLite file, as on a fresh clone), timed until
/// every resource answers the health check the app host itself gives it:
/// <list type="bullet">
/// <item>api: GET /health = 200 (database and Redis checks) on its launch-profile port;</item>
/// <item>webclient: GET / = 200 on Ports:Portal (the Vite dev server);</item>
/// <item>rmm-console: GET /health = 200 on its launch-profile port;</item>
/// <item>the Aspire dashboard: its launch-profile URL answers (2xx/3xx);</item>
/// <item>cache (Garnet) has a dynamic port, but the Api's /health answers 200 only once Redis
/// answers, so the Api's health implies it;</item>
/// <item>mail (smtp4dev): GET /api/messages?pageSize=1 = 200 on the inbox port found on its command
/// line (<see cref="MailInboxProbe"/>): nothing waits for it any more, so it is probed itself.</item>
/// </list>
/// The URLs come from the same files the app host reads (launchSettings.json, appsettings.json).
/// Afterwards the app host is stopped with SIGTERM (the dotnet run wrapper does not forward it)
/// and this waits until its orchestrator has stopped everything (~20-25 s), so the next
/// scenario runs on a quiet machine.
/// </summary>
public static class ColdStart
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    public static async Task<ColdStartResult> MeasureAsync(string repoRoot, CancellationToken cancellationToken = default)
    {
        var probes = HealthProbes.ForStack(repoRoot);
        var busy = probes.Where(p => HealthProbes.PortAnswers(p.Url)).Select(p => p.Url.GetLeftPart(UriPartial.Authority)).ToList();
        if (busy.Count > 0)
        {
            throw new InvalidOperationException($"Something already listens on {string.Join(", ", busy)}: stop the running stack before measuring its cold start.");
        }

        await PrepareAsync(repoRoot, cancellationToken);
        var dataDirectory = Directory.CreateTempSubdirectory("bench-coldstart-").FullName;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = repoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "run", "--project", "AppHost", "--no-build", "--", $"--Database:DataDirectory={dataDirectory}" })
        {
            start.ArgumentList.Add(argument);
        }

        // A second early: /proc's start times are in clock ticks and the boot time in whole seconds.
        var startedAt = DateTime.UtcNow.AddSeconds(-1);
        var clock = Stopwatch.StartNew();
        using var wrapper = Process.Start(start) ?? throw new InvalidOperationException("dotnet run did not start.");
        var log = new Queue<string>();
        DataReceivedEventHandler keep = (_, line) =>
        {
            lock (log)
            {
                log.Enqueue(line.Data ?? "");
                if (log.Count > 40)
                {
                    log.Dequeue();
                }
            }
        };
        wrapper.OutputDataReceived += keep;
        wrapper.ErrorDataReceived += keep;
        wrapper.BeginOutputReadLine();
        wrapper.BeginErrorReadLine();
        try
        {
            var ready = await WaitUntilHealthyAsync(probes, startedAt, clock, wrapper, cancellationToken);
            return new ColdStartResult(Math.Round(ready.Max(r => r.Seconds), 2), ready);
        }
        catch (TimeoutException exception)
        {
            string tail;
            lock (log)
            {
                tail = string.Join('\n', log);
            }

            throw new InvalidOperationException($"{exception.Message}\nLast app host output:\n{tail}", exception);
        }
        finally
        {
            await AppHostShutdown.StopAsync(wrapper, probes);
            TryDelete(dataDirectory);
        }
    }

    /// <summary>Untimed: what "already built" means (the app host's Debug build, npm packages installed).</summary>
    private static async Task PrepareAsync(string repoRoot, CancellationToken cancellationToken)
    {
        if (!File.Exists(Path.Combine(repoRoot, "AppHost", "bin", "Debug", "net10.0", "AppHost.dll")))
        {
            await CommandLine.RunAsync(repoRoot, "dotnet", ["build", "AppHost", "-nologo", "-v", "quiet"], TimeSpan.FromMinutes(10), cancellationToken);
        }

        var webClient = Path.Combine(repoRoot, "WebClient");
        if (!Directory.Exists(Path.Combine(webClient, "node_modules")))
        {
            await CommandLine.RunAsync(webClient, "npm", ["ci", "--no-audit", "--no-fund"], TimeSpan.FromMinutes(5), cancellationToken);
        }
    }

    private static async Task<List<ResourceReady>> WaitUntilHealthyAsync(List<HealthProbe> probes, DateTime startedAt, Stopwatch clock, Process wrapper, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false }) { Timeout = TimeSpan.FromSeconds(2) };
        var ready = new Dictionary<string, ResourceReady>();
        var mailFound = false;
        while (ready.Count < probes.Count || !mailFound)
        {
            if (!mailFound && MailInboxProbe.TryFind(startedAt) is { } mail)
            {
                probes = [.. probes, mail];
                mailFound = true;
            }

            if (clock.Elapsed > Limit)
            {
                var missing = probes.Where(p => !ready.ContainsKey(p.Name)).Select(p => $"{p.Name} ({p.Url})").Concat(mailFound ? [] : ["mail (smtp4dev not found)"]);
                throw new TimeoutException($"Not healthy after {Limit.TotalSeconds:0} s: {string.Join(", ", missing)}.");
            }

            if (wrapper.HasExited)
            {
                throw new TimeoutException($"The app host exited with {wrapper.ExitCode} before every resource was healthy.");
            }

            await Task.WhenAll(probes.Where(p => !ready.ContainsKey(p.Name)).Select(async probe =>
            {
                if (await HealthProbes.AnswersAsync(http, probe, cancellationToken))
                {
                    lock (ready)
                    {
                        ready[probe.Name] = new ResourceReady(probe.Name, probe.Url.ToString(), Math.Round(clock.Elapsed.TotalSeconds, 2));
                    }
                }
            }));
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }

        return [.. ready.Values.OrderBy(r => r.Seconds)];
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A process of the stack still closing its SQLite file: the temp folder is cleaned by the OS.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
