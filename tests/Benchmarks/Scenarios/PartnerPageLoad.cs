using Benchmarks.Load;
using Benchmarks.Orchestration;
using Benchmarks.Report;
using Benchmarks.Seeding;

namespace Benchmarks.Scenarios;

/// <summary>What wrk measured on one page as one partner's admin.</summary>
/// <param name="FirstAnswer">The preflight's body (the page as the admin sees it), for checks of what was seeded.</param>
public sealed record PartnerPageResult(SeededPartner Partner, WrkResult Result, string FirstAnswer);

/// <summary>What a row claims of a partner's figure: its target's words and, when it has one, whether the figure meets it (p99 ratio to the smallest partner's given).</summary>
public sealed record PartnerPageTarget(string Words, Func<WrkResult, double, bool>? Meets)
{
    public static readonly PartnerPageTarget Report = new("report", null);
}

/// <summary>
/// One admin page loaded as each partner's admin in turn: a preflight (a page that does not answer
/// 2xx fails here, not as wrk's error count), a one-second warm-up, then wrk at a few connections
/// (a handful of admins at once, so the figure is the page's cost, not a queue) for the run's
/// duration; and the rows of the table in one style: "p50 / p99 ms (req/s)", the smallest
/// partner's p99 as the reference, the ratio at the largest.
/// </summary>
public static class PartnerPageLoad
{
    public const int Connections = 4;

    public static async Task<IReadOnlyList<PartnerPageResult>> RunAsync(
        BenchStack stack, BenchOptions options, IReadOnlyDictionary<SeededPartner, string> adminTokens, Func<SeededPartner, string> pathOf, CancellationToken cancellationToken)
    {
        var results = new List<PartnerPageResult>();
        foreach (var partner in stack.Seed.Partners)
        {
            var url = new Uri(stack.Api.BaseAddress, pathOf(partner));
            var token = adminTokens[partner];
            var first = await Wrk.PreflightAsync(url, token, cancellationToken);
            await Wrk.RunAsync(url, Connections, TimeSpan.FromSeconds(1), token, cancellationToken);
            results.Add(new PartnerPageResult(partner, await Wrk.RunAsync(url, Connections, options.WrkDuration, token, cancellationToken), first));
        }

        return results;
    }

    /// <summary>One row per partner; <paramref name="targetOf"/> gives each partner's target (by its place: 0 the smallest).</summary>
    public static void AddRows(ResultTable table, string page, IReadOnlyList<PartnerPageResult> results, BenchOptions options, Func<int, PartnerPageTarget> targetOf)
    {
        var (smallest, small, _) = results[0];
        for (var place = 0; place < results.Count; place++)
        {
            var (partner, result, _) = results[place];
            var isLargest = place == results.Count - 1;
            var ratio = result.P99 / small.P99;
            // wrk lists no percentiles when no request finished within the run: that is a failure, not 0 ms.
            var answered = result.Requests > 0 && small.Requests > 0;
            var target = targetOf(place);
            table.Add(new ReportRow(
                $"{page} @ {partner.Label} end users (p50 / p99, {Connections} conn)",
                result.Requests == 0
                    ? $"no page within {options.WrkDuration.TotalSeconds:0} s"
                    : $"{result.P50:0.0} / {result.P99:0.0} ms ({result.RequestsPerSecond:N1}/s){(result.Errors > 0 ? $" {result.Errors} errors" : "")}",
                place > 0 ? $"@ {smallest.Label}: p99 {small.P99:0.0} ms" : "-",
                isLargest && answered ? $"{ratio:0.0}×" : "-",
                target.Words,
                target.Meets is { } meets ? answered && result.Errors == 0 && meets(result, ratio) : null));
        }
    }
}
