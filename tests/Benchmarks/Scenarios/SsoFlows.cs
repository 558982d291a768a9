using Benchmarks.Flows;
using Benchmarks.Orchestration;
using Benchmarks.Report;

namespace Benchmarks.Scenarios;

/// <summary>
/// The SSO's multi-step flows, each driven by a child process of this program (Flows/LoadProcess):
/// silent renewal at 1, 8 and 64 clients against Keycloak's sizing figure, and the full sign-in
/// against raw password-hash checks with the Api's own hasher settings at the same parallelism.
/// </summary>
public static class SsoFlows
{
    /// <summary>Keycloak's sizing guide: refresh-token grants per second per vCPU.</summary>
    public const double KeycloakRenewalsPerCore = 120;

    /// <summary>Sign-in and hash checks run with as many clients as this (4 per core on the 2-core machine).</summary>
    public const int SignInClients = 8;

    public static async Task RenewalAsync(BenchStack stack, BenchOptions options, ResultTable table, CancellationToken cancellationToken)
    {
        var warmup = Warmup(options);
        // The smoke run's few users cannot open 64 sessions in its seconds: it proves 1 and 8.
        foreach (var clients in options.Smoke ? new[] { 1, 8 } : [1, 8, 64])
        {
            var result = await FlowScenarios.RenewalAsync(stack.Api.BaseAddress, stack.Seed.UsersFile, clients, options.FlowDuration, warmup, cancellationToken);
            var perCore = result.Rps / Environment.ProcessorCount;
            var headline = clients == 8;
            table.Add(new ReportRow(
                $"Silent renewal (authorize prompt=none + token), {clients} client{(clients == 1 ? "" : "s")}",
                Figure(result, options, $"{result.Rps:N1}/s = {perCore:N1}/s per core"),
                headline ? $"Keycloak sizing {KeycloakRenewalsPerCore:0}/s per vCPU" : "-",
                headline ? $"{perCore / KeycloakRenewalsPerCore:P0}" : "-",
                headline ? "≥ 120/s per core" : "report",
                headline ? perCore >= KeycloakRenewalsPerCore && result.Errors == 0 : null));
        }
    }

    public static async Task SignInAsync(BenchStack stack, BenchOptions options, ResultTable table, CancellationToken cancellationToken)
    {
        var warmup = Warmup(options);
        var hash = await FlowScenarios.HashAsync(SignInClients, options.FlowDuration, warmup, cancellationToken);
        var signIn = await FlowScenarios.SignInAsync(stack.Api.BaseAddress, stack.Seed.UsersFile, SignInClients, options.FlowDuration, warmup, cancellationToken);
        var ratio = signIn.Rps / hash.Rps;
        table.Add(new ReportRow(
            $"Full SSO sign-in (start → password → MFA → authorize → token), {SignInClients} clients",
            Figure(signIn, options, $"{signIn.Rps:N1}/s"),
            $"raw hash checks {hash.Rps:N1}/s ({SignInClients} threads)",
            $"{ratio:P0}",
            "≥ 85%",
            ratio >= 0.85 && signIn.Errors == 0));

        // Beside it, in the same run: the passkey's one step in place of the password and the code.
        var passkey = await FlowScenarios.PasskeySignInAsync(stack.Api.BaseAddress, stack.Seed.UsersFile, SignInClients, options.FlowDuration, warmup, cancellationToken);
        table.Add(new ReportRow(
            $"Passkey sign-in (start → passkey → authorize → token), {SignInClients} clients",
            Figure(passkey, options, $"{passkey.Rps:N1}/s"),
            $"password + TOTP sign-in {signIn.Rps:N1}/s (above)",
            signIn.Rps > 0 ? $"{passkey.Rps / signIn.Rps:0.0}×" : "-",
            "report",
            passkey.Errors == 0 ? null : false));
    }

    private static TimeSpan Warmup(BenchOptions options) => TimeSpan.FromSeconds(options.Smoke ? 1 : 3);

    /// <summary>The flow's rate and latencies, or that none completed (a loaded machine, or a broken flow: see the note).</summary>
    private static string Figure(FlowResult result, BenchOptions options, string rate) =>
        result.Done == 0
            ? $"none completed in {options.FlowDuration.TotalSeconds:0} s{Errors(result)}"
            : $"{rate}; p50 / p99 {result.P50:0} / {result.P99:0} ms{Errors(result)}";

    private static string Errors(FlowResult result) =>
        result.Errors > 0 ? $"; {result.Errors:N0} errors ({result.Note})" : "";
}
