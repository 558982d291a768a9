namespace Benchmarks.Report;

/// <summary>One line of the final table. <paramref name="Pass"/>: null when the line has no target (shown as "info").</summary>
public sealed record ReportRow(string Scenario, string Figure, string Reference, string Ratio, string Target, bool? Pass)
{
    public string Verdict => Pass switch { true => "PASS", false => "FAIL", null => "info" };

    /// <summary>A scenario that could not be measured: its reason in the figure column, FAIL (a broken measurement proves nothing).</summary>
    public static ReportRow Broken(string scenario, string target, Exception error) =>
        new(scenario, $"not measured: {error.GetType().Name}: {FirstLine(error.Message)}", "-", "-", target, false);

    private static string FirstLine(string text) => text.Split('\n')[0].Trim() is { Length: > 90 } line ? line[..90] + "…" : text.Split('\n')[0].Trim();
}
