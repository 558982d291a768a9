using System.Collections.Concurrent;
using System.Diagnostics;

namespace Benchmarks.Orchestration;

/// <summary>
/// A process the bench started (Garnet, the Api, wrk, a load process): its output is kept (the last
/// lines, for a failure's explanation) and disposing it ends it and its children, by its own id.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private readonly ConcurrentQueue<string> tail = new();

    private ChildProcess(Process process) => Process = process;

    public Process Process { get; }

    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = StartInfo(fileName, arguments, workingDirectory);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var child = new ChildProcess(new Process { StartInfo = info });
        child.Process.OutputDataReceived += (_, e) => child.Keep(e.Data);
        child.Process.ErrorDataReceived += (_, e) => child.Keep(e.Data);
        child.Process.Start();
        child.Process.BeginOutputReadLine();
        child.Process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Runs to the end and answers its exit code and whole standard output (short tools: wrk, git, npm, dotnet build); cancelling ends it and its children.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, CancellationToken cancellationToken = default)
    {
        using var process = Process.Start(StartInfo(fileName, arguments, workingDirectory))!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // A time limit or Ctrl+C: leave nothing running behind the bench.
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output + await error);
    }

    public bool HasExited => Process.HasExited;

    /// <summary>The last lines it printed (standard output and error together).</summary>
    public string Tail => string.Join(Environment.NewLine, tail);

    public void Dispose()
    {
        try
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
                Process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        Process.Dispose();
    }

    private static ProcessStartInfo StartInfo(string fileName, IEnumerable<string> arguments, string workingDirectory)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        tail.Enqueue(line);
        while (tail.Count > 40 && tail.TryDequeue(out _))
        {
        }
    }
}
