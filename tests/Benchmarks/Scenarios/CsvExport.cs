using System.Diagnostics;
using Benchmarks.Orchestration;
using Benchmarks.Report;
using Benchmarks.Seeding;

namespace Benchmarks.Scenarios;

/// <summary>
/// The Manage Users CSV export of every end user of a partner: seconds to the last byte, and the
/// Api's working-set growth (peak while exporting, sampled every ~20 ms, minus the set just before),
/// for the middle partner against the smallest: constant memory means about the same growth.
/// </summary>
public static class CsvExport
{
    public const string ExportPath = "api/admin/end-users/export.csv?sort=name";

    public static async Task RunAsync(BenchStack stack, IReadOnlyDictionary<SeededPartner, string> adminTokens, ResultTable table, CancellationToken cancellationToken)
    {
        var small = stack.Seed.Partners[0];
        var middle = stack.Seed.Partners[stack.Seed.Partners.Count / 2];
        using var http = new HttpClient { BaseAddress = stack.Api.BaseAddress, Timeout = TimeSpan.FromMinutes(3) };
        await ExportAsync(http, adminTokens[small], cancellationToken); // warm-up: JIT and pools, not measured
        var (smallSeconds, smallLines, smallGrowth) = await MeasureAsync(stack, http, adminTokens[small], cancellationToken);
        var (seconds, lines, growth) = await MeasureAsync(stack, http, adminTokens[middle], cancellationToken);
        var complete = lines == middle.EndUsers + 1 && smallLines == small.EndUsers + 1;
        table.Add(new ReportRow(
            $"CSV export of {middle.Label} end users",
            $"{seconds:0.00} s ({lines - 1:N0} rows{(complete ? "" : ", INCOMPLETE")})",
            $"{small.Label}: {smallSeconds:0.00} s",
            $"{seconds / smallSeconds:0.0}×",
            "< 5 s",
            seconds < 5 && complete));
        var slack = 16 * 1048576L;
        table.Add(new ReportRow(
            $"CSV export Api working-set growth @ {middle.Label}",
            $"{growth / 1048576.0:N0} MB",
            $"@ {small.Label}: {smallGrowth / 1048576.0:N0} MB",
            smallGrowth >= 1048576 ? $"{(double)growth / smallGrowth:0.0}×" : "-",
            "≤ 1.5× @ 5k + 16 MB",
            growth <= smallGrowth * 1.5 + slack));
    }

    private static async Task<(double Seconds, long Lines, long Growth)> MeasureAsync(BenchStack stack, HttpClient http, string token, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var (lines, before, peak) = await stack.Api.PeakWorkingSetDuringAsync(() => ExportAsync(http, token, cancellationToken));
        return (clock.Elapsed.TotalSeconds, lines, Math.Max(0, peak - before));
    }

    /// <summary>Reads the export to its end as a browser download would, counting its lines (header included).</summary>
    private static async Task<long> ExportAsync(HttpClient http, string token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ExportPath);
        request.Headers.Authorization = new("Bearer", token);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        long lines = 0;
        while (await reader.ReadLineAsync(cancellationToken) is not null)
        {
            lines++;
        }

        return lines;
    }
}
