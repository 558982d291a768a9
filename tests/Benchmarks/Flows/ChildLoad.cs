using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Benchmarks.Flows;

/// <summary>
/// Runs a load in a child process of this same executable (its CPU and allocations are then not the
/// orchestrator's) and reads its result: the last output line that is JSON. Killed, with everything
/// it started, when it outlives <c>cap</c>; throws when it broke (no result line).
/// </summary>
public static class ChildLoad
{
    public static async Task<T> RunAsync<T>(IReadOnlyList<string> arguments, TimeSpan cap, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(ChildLoad).Assembly.Location);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start) ?? throw new InvalidOperationException($"The load process ({arguments[0]}) did not start.");
        var errors = new StringBuilder();
        child.ErrorDataReceived += (_, line) => errors.AppendLine(line.Data);
        child.BeginErrorReadLine();
        var output = child.StandardOutput.ReadToEndAsync(cancellationToken);
        using var capped = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        capped.CancelAfter(cap);
        try
        {
            await child.WaitForExitAsync(capped.Token);
        }
        catch (OperationCanceledException)
        {
            child.Kill(entireProcessTree: true);
            throw;
        }

        var line = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault(l => l.StartsWith('{'));
        return line is not null && JsonSerializer.Deserialize<T>(line, LoadProcess.Json) is { } result
            ? result
            : throw new InvalidOperationException($"{string.Join(' ', arguments.Take(2))} exited with {child.ExitCode} and no result: {errors.ToString().Trim()}");
    }
}
