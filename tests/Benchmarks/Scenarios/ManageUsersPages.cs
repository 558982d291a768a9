using Benchmarks.Orchestration;
using Benchmarks.Report;
using Benchmarks.Seeding;

namespace Benchmarks.Scenarios;

/// <summary>
/// The Manage Users list as a partner admin loads it: a filtered, sorted page, with wrk at a few
/// connections (<see cref="PartnerPageLoad"/>), for partners of each size. The cost must not grow
/// with the table.
/// </summary>
public static class ManageUsersPages
{
    /// <summary>The representative page (enabled users, sorted by e-mail, page 2) as the SPA asks for it.</summary>
    public const string PagePath = "api/admin/end-users?status=enabled&sort=email&page=2&pageSize=50";

    public static async Task RunAsync(BenchStack stack, BenchOptions options, IReadOnlyDictionary<SeededPartner, string> adminTokens, ResultTable table, CancellationToken cancellationToken)
    {
        var results = await PartnerPageLoad.RunAsync(stack, options, adminTokens, _ => PagePath, cancellationToken);
        var smallest = results[0].Partner.Label;
        PartnerPageLoad.AddRows(table, "Manage Users page", results, options, place =>
            place == results.Count - 1 ? new($"p99 ≤ 2× @ {smallest}", (_, ratio) => ratio <= 2)
            : place == results.Count / 2 ? new("p99 < 100 ms", (result, _) => result.P99 < 100)
            : PartnerPageTarget.Report);
    }
}
