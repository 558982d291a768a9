using Benchmarks.Flows;
using Benchmarks.Orchestration;
using Benchmarks.Report;

namespace Benchmarks.Scenarios;

/// <summary>
/// The SSO's multi-step flows, each driven by a child process of this program (Flows/LoadProcess):
/// silent renewal at 1, 8 and 64 clients, the refresh grant at 8 and 64 against Keycloak's sizing figure, and the full sign-in
/// against raw password-hash checks with the Api's own hasher settings at the same parallelism.
/// </summary>
public static class SsoFlows
{
    /// <summary>Keycloak's sizing guide: refresh-token grants per second per vCPU (what the refresh grant is held to).</summary>
    public const double KeycloakRefreshesPerCore = 120;

    /// <summary>
    /// Silent renewal's own target: two requests (authorize + token) and three signatures where
    /// a refresh grant has one request, so half the refresh figure (it was once held to Keycloak's
    /// 120 by mistake: that figure is for refresh grants).
    /// </summary>
    public const double RenewalsPerCore = 60;

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
                $"Silent renewal (authorize prompt=none + code), {clients} client{(clients == 1 ? "" : "s")}",
                Figure(result, options, $"{result.Rps:N1}/s = {perCore:N1}/s per core"),
                "-",
                headline ? $"{perCore / RenewalsPerCore:P0} of target" : "-",
                headline ? $"≥ {RenewalsPerCore:0}/s per core" : "report",
                headline ? perCore >= RenewalsPerCore && result.Errors == 0 : null));
        }

        // The portal's usual renewal now: one refresh grant per access token, each tab its own chain.
        foreach (var clients in options.Smoke ? new[] { 8 } : [8, 64])
        {
            var result = await FlowScenarios.RefreshAsync(stack.Api.BaseAddress, stack.Seed.UsersFile, clients, options.FlowDuration, warmup, cancellationToken);
            var perCore = result.Rps / Environment.ProcessorCount;
            table.Add(new ReportRow(
                $"Refresh grant (rotating refresh token), {clients} clients",
                Figure(result, options, $"{result.Rps:N1}/s = {perCore:N1}/s per core"),
                $"Keycloak sizing {KeycloakRefreshesPerCore:0}/s per vCPU",
                $"{perCore / KeycloakRefreshesPerCore:P0}",
                $"≥ {KeycloakRefreshesPerCore:0}/s per core",
                perCore >= KeycloakRefreshesPerCore && result.Errors == 0));
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
