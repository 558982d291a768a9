using System.Globalization;

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

    private static Task<FlowResult> RunAsync(string[] arguments, TimeSpan expected, CancellationToken cancellationToken) =>
        ChildLoad.RunAsync<FlowResult>(["load", .. arguments], expected + TimeSpan.FromMinutes(4), cancellationToken);
}
