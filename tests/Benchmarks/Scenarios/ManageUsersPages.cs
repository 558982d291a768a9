using Benchmarks.Load;
using Benchmarks.Orchestration;
using Benchmarks.Report;
using Benchmarks.Seeding;

namespace Benchmarks.Scenarios;

/// <summary>
/// The Manage Users list as a partner admin loads it: a filtered, sorted page, with wrk at a few
/// connections (a handful of admins at once, so the figure is the query's cost, not a queue), for
/// partners of each size. The cost must not grow with the table.
/// </summary>
public static class ManageUsersPages
{
    /// <summary>The representative page (enabled users, sorted by e-mail, page 2) as the SPA asks for it.</summary>
    public const string PagePath = "api/admin/end-users?status=enabled&sort=email&page=2&pageSize=50";

    public const int Connections = 4;

    public static async Task RunAsync(BenchStack stack, BenchOptions options, IReadOnlyDictionary<SeededPartner, string> adminTokens, ResultTable table, CancellationToken cancellationToken)
    {
        var url = new Uri(stack.Api.BaseAddress, PagePath);
        var results = new List<(SeededPartner Partner, WrkResult Result)>();
        foreach (var partner in stack.Seed.Partners)
        {
            var token = adminTokens[partner];
            await Wrk.PreflightAsync(url, token, cancellationToken);
            await Wrk.RunAsync(url, Connections, TimeSpan.FromSeconds(1), token, cancellationToken);
            results.Add((partner, await Wrk.RunAsync(url, Connections, options.WrkDuration, token, cancellationToken)));
        }

        var (smallest, small) = results[0];
        foreach (var (partner, result) in results)
        {
            var isMiddle = partner == results[results.Count / 2].Partner;
            var isLargest = partner == results[^1].Partner;
            var ratio = result.P99 / small.P99;
            // wrk lists no percentiles when no request finished within the run: that is a failure, not 0 ms.
            var answered = result.Requests > 0 && small.Requests > 0;
            table.Add(new ReportRow(
                $"Manage Users page @ {partner.Label} end users (p50 / p99, {Connections} conn)",
                result.Requests == 0
                    ? $"no page within {options.WrkDuration.TotalSeconds:0} s"
                    : $"{result.P50:0.0} / {result.P99:0.0} ms ({result.RequestsPerSecond:N1}/s){(result.Errors > 0 ? $" {result.Errors} errors" : "")}",
                isLargest || isMiddle ? $"@ {smallest.Label}: p99 {small.P99:0.0} ms" : "-",
                isLargest && answered ? $"{ratio:0.0}×" : "-",
                isLargest ? $"p99 ≤ 2× @ {smallest.Label}" : isMiddle ? "p99 < 100 ms" : "report",
                isLargest ? answered && ratio <= 2 && result.Errors == 0 : isMiddle ? answered && result.P99 < 100 && result.Errors == 0 : null));
        }
    }
}
