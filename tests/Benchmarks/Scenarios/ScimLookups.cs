using System.Text.Json;
using Benchmarks.Load;
using Benchmarks.Orchestration;
using Benchmarks.Report;
using Benchmarks.Seeding;

namespace Benchmarks.Scenarios;

/// <summary>
/// What an identity provider (Entra ID, Okta) does before every change it provisions: find the
/// user by userName or by work e-mail, and page through the partner's users; as the admin of the
/// middle partner (50,000 end users in the full run). Each with wrk at a few connections
/// (<see cref="PartnerPageLoad.Connections"/>), beside the reference measured in the same run:
/// Manage Users' own search for the same address. The first answers are checked: a lookup fast
/// because it found nobody would prove nothing.
/// </summary>
public static class ScimLookups
{
    public static async Task RunAsync(BenchStack stack, BenchOptions options, IReadOnlyDictionary<SeededPartner, string> adminTokens, ResultTable table, CancellationToken cancellationToken)
    {
        var partner = stack.Seed.Partners[stack.Seed.Partners.Count / 2];
        var token = adminTokens[partner];
        Uri Url(string path) => new(stack.Api.BaseAddress, path);

        // An address from the middle of the partner's list, as Manage Users shows it.
        using var list = JsonDocument.Parse(await Wrk.PreflightAsync(Url("api/admin/end-users?sort=email&page=20&pageSize=50"), token, cancellationToken));
        var email = list.RootElement.GetProperty("items")[0].GetProperty("email").GetString()!;
        var quoted = Uri.EscapeDataString($"\"{email}\"");

        var reference = await MeasureAsync(Url($"api/admin/end-users?search={Uri.EscapeDataString(email)}&page=1&pageSize=50"), token, options, cancellationToken);
        var lookups = new (string Name, string Path, int Expected)[]
        {
            ("filter userName eq", $"scim/v2/Users?filter=userName%20eq%20{quoted}", 1),
            ("filter emails[type eq \"work\"].value eq", $"scim/v2/Users?filter={Uri.EscapeDataString("emails[type eq \"work\"].value eq ")}{quoted}", 1),
            ("paged list (startIndex 1001, count 100)", "scim/v2/Users?startIndex=1001&count=100", 100),
        };

        table.Add(Row($"Manage Users search @ {partner.Label} end users (reference)", reference.Result, "-", "-", "report", null));
        foreach (var (name, path, expected) in lookups)
        {
            var (result, first) = await MeasureAsync(Url(path), token, options, cancellationToken);
            using var answer = JsonDocument.Parse(first);
            var found = answer.RootElement.GetProperty("itemsPerPage").GetInt32();
            var ratio = result.P99 / reference.Result.P99;
            var filtered = expected == 1;
            var answered = found == expected && result.Errors == 0 && result.Requests > 0;
            bool? pass = !answered ? false : filtered ? result.P99 < 100 : null;
            table.Add(Row(
                $"SCIM {name} @ {partner.Label} end users",
                result,
                $"search: p99 {reference.Result.P99:0.0} ms",
                $"{ratio:0.0}×",
                filtered ? "p99 < 100 ms, found" : "report, full page",
                pass));
        }
    }

    private static async Task<(WrkResult Result, string First)> MeasureAsync(Uri url, string token, BenchOptions options, CancellationToken cancellationToken)
    {
        var first = await Wrk.PreflightAsync(url, token, cancellationToken);
        await Wrk.RunAsync(url, PartnerPageLoad.Connections, TimeSpan.FromSeconds(1), token, cancellationToken);
        return (await Wrk.RunAsync(url, PartnerPageLoad.Connections, options.WrkDuration, token, cancellationToken), first);
    }

    private static ReportRow Row(string scenario, WrkResult result, string reference, string ratio, string target, bool? pass) => new(
        scenario + $" (p50 / p99, {PartnerPageLoad.Connections} conn)",
        result.Requests == 0 ? "no answer within the run" : $"{result.P50:0.0} / {result.P99:0.0} ms ({result.RequestsPerSecond:N1}/s){(result.Errors > 0 ? $" {result.Errors} errors" : "")}",
        reference,
        ratio,
        target,
        pass);
}
