namespace Benchmarks.Report;

/// <summary>The run's one table: each figure beside its reference from the same run, the ratio, the target and PASS/FAIL.</summary>
public sealed class ResultTable
{
    private readonly List<ReportRow> rows = [];

    public IReadOnlyList<ReportRow> Rows => rows;

    public void Add(ReportRow row)
    {
        rows.Add(row);
        // Each line as soon as it is known: a long run shows its progress, and a run cut short keeps what it measured.
        Console.WriteLine($"  → {row.Scenario}: {row.Figure} | ref {row.Reference} | {row.Ratio} | {row.Target} | {row.Verdict}");
    }

    /// <summary>A Markdown table (docs/PERFORMANCE.md copies it as it is).</summary>
    public void Print(TextWriter output)
    {
        string[] headers = ["scenario", "figure", "reference (same run)", "ratio", "target", "result"];
        var cells = rows.Select(r => new[] { r.Scenario, r.Figure, r.Reference, r.Ratio, r.Target, r.Verdict }).ToList();
        var widths = headers.Select((h, i) => cells.Select(c => c[i].Length).Append(h.Length).Max()).ToArray();
        string Line(IReadOnlyList<string> values) => "| " + string.Join(" | ", values.Select((v, i) => v.PadRight(widths[i]))) + " |";
        output.WriteLine(Line(headers));
        output.WriteLine("|" + string.Join("|", widths.Select(w => new string('-', w + 2))) + "|");
        foreach (var row in cells)
        {
            output.WriteLine(Line(row));
        }

        output.WriteLine();
        output.WriteLine($"{rows.Count(r => r.Pass == true)} PASS, {rows.Count(r => r.Pass == false)} FAIL, {rows.Count(r => r.Pass is null)} info.");
    }
}
