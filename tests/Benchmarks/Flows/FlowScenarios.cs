using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Benchmarks.Flows;

/// <summary>
/// The flow scenarios as the orchestrator runs them: each in a child process of this same
/// executable (<see cref="LoadProcess"/>), so the load's CPU and allocations are not the Api's
/// or the orchestrator's. Throws when the child broke (no result line).
/// </summary>
public static class FlowScenarios
{
    public static Task<FlowResult> RenewalAsync(Uri baseUrl, string usersFile, int clients, TimeSpan duration, TimeSpan warmup, CancellationToken cancellationToken = default) =>
        RunAsync(["renewal", .. Timing(clients, duration, warmup), "--base-url", baseUrl.ToString(), "--users", usersFile], duration + warmup, cancellationToken);

    public static Task<FlowResult> RefreshAsync(Uri baseUrl, string usersFile, int clients, TimeSpan duration, TimeSpan warmup, CancellationToken cancellationToken = default) =>
        RunAsync(["refresh", .. Timing(clients, duration, warmup), "--base-url", baseUrl.ToString(), "--users", usersFile], duration + warmup, cancellationToken);

    public static Task<FlowResult> SignInAsync(Uri baseUrl, string usersFile, int clients, TimeSpan duration, TimeSpan warmup, CancellationToken cancellationToken = default) =>
        RunAsync(["signin", .. Timing(clients, duration, warmup), "--base-url", baseUrl.ToString(), "--users", usersFile], duration + warmup, cancellationToken);

    public static Task<FlowResult> PasskeySignInAsync(Uri baseUrl, string usersFile, int clients, TimeSpan duration, TimeSpan warmup, CancellationToken cancellationToken = default) =>
        RunAsync(["passkey", .. Timing(clients, duration, warmup), "--base-url", baseUrl.ToString(), "--users", usersFile], duration + warmup, cancellationToken);

    public static Task<FlowResult> HashAsync(int clients, TimeSpan duration, TimeSpan warmup, CancellationToken cancellationToken = default) =>
        RunAsync(["hash", .. Timing(clients, duration, warmup)], duration + warmup, cancellationToken);

    private static string[] Timing(int clients, TimeSpan duration, TimeSpan warmup) =>
    [
        "--clients", clients.ToString(CultureInfo.InvariantCulture),
        "--seconds", duration.TotalSeconds.ToString(CultureInfo.InvariantCulture),
        "--warmup", warmup.TotalSeconds.ToString(CultureInfo.InvariantCulture),
    ];

    private static async Task<FlowResult> RunAsync(string[] arguments, TimeSpan expected, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(LoadProcess).Assembly.Location);
        start.ArgumentList.Add("load");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start) ?? throw new InvalidOperationException("The load process did not start.");
        var errors = new StringBuilder();
        child.ErrorDataReceived += (_, line) => errors.AppendLine(line.Data);
        child.BeginErrorReadLine();
        var output = child.StandardOutput.ReadToEndAsync(cancellationToken);
        using var cap = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cap.CancelAfter(expected + TimeSpan.FromMinutes(4));
        try
        {
            await child.WaitForExitAsync(cap.Token);
        }
        catch (OperationCanceledException)
        {
            child.Kill(entireProcessTree: true);
            throw;
        }

        var line = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault(l => l.StartsWith('{'));
        return line is not null && JsonSerializer.Deserialize<FlowResult>(line, LoadProcess.Json) is { } result
            ? result
            : throw new InvalidOperationException($"load {arguments[0]} exited with {child.ExitCode} and no result: {errors.ToString().Trim()}");
    }
}
