using Benchmarks.Load;
using Benchmarks.Orchestration;
using Benchmarks.Report;

namespace Benchmarks.Scenarios;

/// <summary>
/// GET /api/portal/me (JWT + Redis session check + SQL read) against GET /alive (the trivial
/// endpoint) with wrk at 64 connections, back to back on the same Api; the Api's allocations per
/// request and working set under each load from its runtime counters.
/// </summary>
public static class PortalReadVsAlive
{
    public const int Connections = 64;

    public static async Task RunAsync(BenchStack stack, BenchOptions options, string accessToken, ResultTable table, CancellationToken cancellationToken)
    {
        var alive = new Uri(stack.Api.BaseAddress, "alive");
        var me = new Uri(stack.Api.BaseAddress, "api/portal/me");
        await Wrk.PreflightAsync(me, accessToken, cancellationToken);

        // Warm-up (JIT, pools, connections): a short run of each, not measured.
        var warmup = TimeSpan.FromSeconds(options.Smoke ? 1 : 3);
        await Wrk.RunAsync(alive, Connections, warmup, cancellationToken: cancellationToken);
        await Wrk.RunAsync(me, Connections, warmup, accessToken, cancellationToken);

        var (aliveResult, aliveAllocated, aliveSet) = await MeasuredAsync(stack, () => Wrk.RunAsync(alive, Connections, options.WrkDuration, cancellationToken: cancellationToken));
        var (meResult, meAllocated, meSet) = await MeasuredAsync(stack, () => Wrk.RunAsync(me, Connections, options.WrkDuration, accessToken, cancellationToken));

        var throughput = meResult.RequestsPerSecond / aliveResult.RequestsPerSecond;
        table.Add(new ReportRow(
            $"GET /api/portal/me req/s ({Connections} conn)",
            $"{meResult.RequestsPerSecond:N0}/s{Errors(meResult)}",
            $"/alive {aliveResult.RequestsPerSecond:N0}/s{Errors(aliveResult)}",
            $"{throughput:P0}",
            "≥ 40%",
            throughput >= 0.40 && meResult.Errors == 0));
        var latency = meResult.P99 / aliveResult.P99;
        table.Add(new ReportRow(
            $"GET /api/portal/me p50 / p99 ({Connections} conn)",
            $"{meResult.P50:0.0} / {meResult.P99:0.0} ms",
            $"/alive {aliveResult.P50:0.0} / {aliveResult.P99:0.0} ms",
            $"p99 {latency:0.0}×",
            "p99 ≤ 3×",
            latency <= 3 && meResult.Errors == 0));
        table.Add(new ReportRow(
            "Api allocations / request (/me load)",
            PerRequest(meAllocated, meResult),
            $"/alive {PerRequest(aliveAllocated, aliveResult)}",
            meAllocated is { } m && aliveAllocated is { } a && a > 0 ? $"{(double)m / meResult.Requests / ((double)a / aliveResult.Requests):0.0}×" : "-",
            "report",
            null));
        table.Add(new ReportRow(
            "Api working set, peak (/me load)",
            $"{meSet / 1048576.0:N0} MB",
            $"/alive {aliveSet / 1048576.0:N0} MB",
            $"{(double)meSet / aliveSet:0.00}×",
            "report",
            null));
    }

    private static async Task<(WrkResult Result, long? Allocated, long PeakWorkingSet)> MeasuredAsync(BenchStack stack, Func<Task<WrkResult>> load)
    {
        var counters = RuntimeCounters.Start(stack.Api.ProcessId);
        var (result, _, peak) = await stack.Api.PeakWorkingSetDuringAsync(load);
        var (allocated, _) = await counters.StopAsync();
        return (result, allocated, peak);
    }

    private static string PerRequest(long? allocated, WrkResult result) =>
        allocated is { } bytes && result.Requests > 0 ? $"{bytes / 1024.0 / result.Requests:N1} KB" : "n/a";

    private static string Errors(WrkResult result) => result.Errors > 0 ? $" ({result.Errors:N0} errors)" : "";
}
