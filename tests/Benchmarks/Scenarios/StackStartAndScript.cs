using Benchmarks.Flows;
using Benchmarks.Report;

namespace Benchmarks.Scenarios;

/// <summary>
/// What a developer and a first-time visitor wait for: the whole stack's cold start (the app host,
/// already built, until every resource answers its health check) and the login page's initial
/// JavaScript (gzip). Run after the bench's own stack is stopped, so nothing else competes.
/// </summary>
public static class StackStartAndScript
{
    public const double ColdStartLimitSeconds = 15;

    public const double LoginScriptLimitKb = 80;

    public static async Task ColdStartAsync(string repoRoot, ResultTable table, CancellationToken cancellationToken)
    {
        var result = await ColdStart.MeasureAsync(repoRoot, cancellationToken);
        var slowest = result.Resources.MaxBy(r => r.Seconds);
        table.Add(new ReportRow(
            "Cold start: dotnet run --project AppHost (built) → every resource healthy",
            $"{result.Seconds:0.0} s",
            string.Join(", ", result.Resources.Select(r => $"{r.Name} {r.Seconds:0.0} s")),
            slowest is null ? "-" : $"last: {slowest.Name}",
            $"≤ {ColdStartLimitSeconds:0} s",
            result.Seconds <= ColdStartLimitSeconds));
    }

    public static async Task LoginScriptAsync(string repoRoot, ResultTable table, CancellationToken cancellationToken)
    {
        var result = await LoginPageScript.MeasureAsync(repoRoot, cancellationToken);
        var kb = result.TotalGzipBytes / 1024.0;
        table.Add(new ReportRow(
            "Login page initial JavaScript (script + modulepreload, gzip)",
            $"{kb:N1} KB gzip ({result.Files.Count} file{(result.Files.Count == 1 ? "" : "s")})",
            $"{result.TotalBytes / 1024.0:N1} KB raw",
            $"{kb / LoginScriptLimitKb:P0} of the limit",
            $"≤ {LoginScriptLimitKb:0} KB gzip",
            kb <= LoginScriptLimitKb));
    }
}
