using Benchmarks.Orchestration;

namespace Benchmarks.Flows;

/// <summary>Runs a build tool that must succeed (npm, dotnet build): a failure or the time limit stops the bench with its output.</summary>
public static class CommandLine
{
    public static async Task RunAsync(string directory, string command, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var cap = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cap.CancelAfter(timeout);
        var (exitCode, output) = await ChildProcess.RunAsync(command, arguments, directory, cap.Token);
        if (exitCode != 0)
        {
            throw new InvalidOperationException(
                $"`{command} {string.Join(' ', arguments)}` in {directory} exited with {exitCode}:\n{output[^Math.Min(output.Length, 2000)..]}");
        }
    }
}
