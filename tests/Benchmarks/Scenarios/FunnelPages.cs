using System.Text.Json;
using Benchmarks.Orchestration;
using Benchmarks.Report;
using Benchmarks.Seeding;

namespace Benchmarks.Scenarios;

/// <summary>
/// The pages a partner admin reads to follow the migration, for partners of each size with their
/// seeded history (<see cref="MigrationWaves"/>): the admin home's funnels, the latest wave's chart,
/// Manage Users' Needs attention, and — for information — the drill-down to the people stuck after
/// the move. Each with wrk at a few connections (<see cref="PartnerPageLoad"/>); the pages must stay
/// under 100 ms at p99 for the largest partner. The first answers are checked against the seed: a
/// page fast because it found nothing would prove nothing.
/// </summary>
public static class FunnelPages
{
    public const string FunnelsPath = "api/admin/migration/funnels?page=1&pageSize=5";

    public const string NeedsAttentionPath = "api/admin/end-users?needsAttention=true&sort=email&page=1&pageSize=50";

    public static string ChartPath(SeededPartner partner) => $"api/admin/migration/funnel/days?batchId={partner.LatestWaveId}";

    public static string StuckPeoplePath(SeededPartner partner) => $"api/admin/migration/funnel/people?batchId={partner.LatestWaveId}&step=moved&page=2";

    public static async Task RunAsync(BenchStack stack, BenchOptions options, IReadOnlyDictionary<SeededPartner, string> adminTokens, ResultTable table, CancellationToken cancellationToken)
    {
        var largest = stack.Seed.Partners.Count - 1;
        PartnerPageTarget UnderAtLargest(int place) =>
            place == largest ? new PartnerPageTarget("p99 < 100 ms", (result, _) => result.P99 < 100) : PartnerPageTarget.Report;

        var funnels = await PartnerPageLoad.RunAsync(stack, options, adminTokens, _ => FunnelsPath, cancellationToken);
        PartnerPageLoad.AddRows(table, "Admin home funnels", funnels, options, UnderAtLargest);
        var chart = await PartnerPageLoad.RunAsync(stack, options, adminTokens, ChartPath, cancellationToken);
        PartnerPageLoad.AddRows(table, "Latest wave's chart", chart, options, UnderAtLargest);
        var attention = await PartnerPageLoad.RunAsync(stack, options, adminTokens, _ => NeedsAttentionPath, cancellationToken);
        PartnerPageLoad.AddRows(table, "Needs attention page", attention, options, UnderAtLargest);
        var stuck = await PartnerPageLoad.RunAsync(stack, options, adminTokens, StuckPeoplePath, cancellationToken);
        PartnerPageLoad.AddRows(table, "Stuck after the move (page 2)", stuck, options, _ => PartnerPageTarget.Report);
        table.Add(AsSeeded(funnels, attention));
    }

    /// <summary>
    /// What the pages showed against what was seeded: the latest wave first on the admin home with
    /// every user it moved, and Needs attention listing exactly the seeded problem rows.
    /// </summary>
    private static ReportRow AsSeeded(IReadOnlyList<PartnerPageResult> funnels, IReadOnlyList<PartnerPageResult> attention)
    {
        var shown = new List<string>();
        var matches = true;
        for (var i = 0; i < funnels.Count; i++)
        {
            var partner = funnels[i].Partner;
            using var home = JsonDocument.Parse(funnels[i].FirstAnswer);
            var latest = home.RootElement.GetProperty("items")[0];
            var funnel = latest.GetProperty("funnel");
            var moved = latest.GetProperty("batchId").GetGuid() == partner.LatestWaveId ? funnel.GetProperty("moved").GetInt32() : -1;
            using var list = JsonDocument.Parse(attention[i].FirstAnswer);
            var needsAttention = list.RootElement.GetProperty("total").GetInt32();
            matches &= moved == partner.LatestWaveMoved && needsAttention == partner.NeedsAttention;
            var steps = string.Join(", ", funnel.GetProperty("steps").EnumerateArray().Skip(1)
                .Select(s => $"{s.GetProperty("step").GetString()} {s.GetProperty("percent").GetInt32()}%"));
            Console.WriteLine($"  {partner.Label}: {latest.GetProperty("name").GetString()} moved {moved:N0} ({steps}); " +
                $"{home.RootElement.GetProperty("total").GetInt32()} waves on the admin home; {needsAttention:N0} users need attention");
            shown.Add($"{partner.Label}: {moved:N0} / {needsAttention:N0}");
        }

        return new ReportRow(
            "Funnel pages' data (latest wave moved / needs attention)",
            string.Join("; ", shown),
            "seeded: " + string.Join("; ", funnels.Select(f => $"{f.Partner.LatestWaveMoved:N0} / {f.Partner.NeedsAttention:N0}")),
            "-",
            "= seeded",
            matches);
    }
}
