using System.Globalization;
using System.Text.Json;
using Benchmarks.Flows;

namespace Benchmarks.Soak;

/// <summary>
/// The soak's table: requests and failures by kind, each fault with what it broke and the p99
/// before / during / after it, and the invariants. <see cref="Passed"/> is false when one fails.
/// </summary>
public sealed class SoakReport(SoakOptions options, SoakLoadResult load, IReadOnlyList<RequestRecord> requests, IReadOnlyList<Fault> faults,
    IReadOnlyCollection<ProxyFailure> proxyFailures, int redirected, BatchCheck batch, OutboxCheck outbox)
{
    /// <summary>How long after a Redis failover the Api's 503 "try again" counts as the failover's.</summary>
    private static readonly TimeSpan FailoverGrace = TimeSpan.FromSeconds(15);

    private readonly List<(string Invariant, string Figure, bool Ok)> invariants = [];

    public bool Passed => invariants.All(i => i.Ok);

    public static List<RequestRecord> ReadRequests(string file) =>
        [.. File.ReadLines(file).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<RequestRecord>(l, LoadProcess.Json)!)];

    public void Print(TextWriter output)
    {
        var measured = requests.Where(r => r.Kind != "setup" && r.Kind != "final session check").ToList();
        output.WriteLine($"| kind | operations ok | HTTP requests | failed: in flight on a killed replica | other failures |");
        output.WriteLine("|---|---|---|---|---|");
        foreach (var kind in load.Kinds)
        {
            output.WriteLine($"| {kind.Kind} | {kind.Ok:N0} | {measured.Count(r => r.Kind == kind.Kind):N0} | {kind.Gateway:N0} | {kind.Real:N0} |");
        }

        output.WriteLine($"| all | {load.Kinds.Sum(k => k.Ok):N0} | {measured.Count:N0} | {load.Kinds.Sum(k => k.Gateway):N0} | {load.Kinds.Sum(k => k.Real):N0} |");
        output.WriteLine();
        output.WriteLine($"| fault | at | whole again after | in flight at the kill | proxy 502s from it | p99 before | p99 during | p99 after |");
        output.WriteLine("|---|---|---|---|---|---|---|---|");
        var start = faults.Count > 0 && measured.Count > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(measured.Min(r => r.Start)) : DateTimeOffset.UtcNow;
        var classified = 0;
        foreach (var fault in faults)
        {
            var broke = fault.Destination is null ? 0 : proxyFailures.Count(f => AtKill(f, fault));
            classified += broke;
            var window = options.Window;
            output.WriteLine($"| {fault.What} | {(fault.At - start).TotalSeconds:0} s | {(fault.Recovered - fault.At).TotalSeconds:0.0} s | " +
                $"{(fault.Destination is null ? "-" : fault.InFlightBound.ToString(CultureInfo.InvariantCulture))} | {(fault.Destination is null ? "-" : broke.ToString(CultureInfo.InvariantCulture))} | " +
                $"{P99(measured, fault.At - window, fault.At)} | {P99(measured, fault.At, fault.Recovered)} | {P99(measured, fault.Recovered, fault.Recovered + window)} |");
            if (fault.Destination is not null)
            {
                Check($"{fault.What}: broke at most what was in flight on it", $"{broke} ≤ {fault.InFlightBound}", broke <= fault.InFlightBound);
            }
        }

        var strays = proxyFailures.Where(f => !faults.Any(k => AtKill(f, k))).ToList();
        var gateway = load.Kinds.Sum(k => k.Gateway);
        Check("proxy failures not in flight on a killed replica", strays.Count == 0 ? "0" : $"{strays.Count}: {strays[0].Destination} {strays[0].Why}", strays.Count == 0);
        Check("operations broken by a kill ≤ requests in flight on the killed replicas",
            $"{gateway} ≤ {classified} (refused connections sent to another replica: {redirected})", gateway <= classified);
        // The Api's own "try again, nothing changed" (503) while a Redis master fails over: graceful, but
        // users see it; bounded to the failover's window. Anything else is a real error.
        var failovers = faults.Where(f => f.What.Contains("Redis", StringComparison.Ordinal)).ToList();
        var refusedAtFailover = load.RealErrors.Where(e => e.Why.Contains(": 503 ", StringComparison.Ordinal)
            && failovers.Any(f => e.At >= f.At.ToUnixTimeMilliseconds() && e.At <= (f.Recovered + FailoverGrace).ToUnixTimeMilliseconds())).ToList();
        var real = load.RealErrors.Except(refusedAtFailover).ToList();
        if (failovers.Count > 0)
        {
            var last = refusedAtFailover.Count == 0 ? "" : $", the last {(refusedAtFailover.Max(e => e.At) - failovers[0].At.ToUnixTimeMilliseconds()) / 1000.0:0.0} s after it started";
            Check($"refused with the Api's 503 \"try again\" while a Redis master failed over (≤ {FailoverGrace.TotalSeconds:0} s after it)",
                $"{refusedAtFailover.Count} operations{last}", true);
        }

        Check("real errors (anything but a kill's in-flight requests)", real.Count == 0 ? "0" : $"{real.Count}, first: {real[0].Kind}: {real[0].Why}", real.Count == 0);
        var lastKill = faults.Where(f => f.Destination is not null).Select(f => f.At.ToUnixTimeMilliseconds()).DefaultIfEmpty(0).Max();
        var lost = load.Sessions.Count(s => s.Lost);
        Check("sessions lost", $"{lost} of {load.Sessions.Count:N0} ({load.Sessions.Count(s => s.SignedInAt < lastKill):N0} signed in before the last kill; each renewed after the faults)", lost == 0 && load.Sessions.Count > 0);
        Check("batch exactly-once (SQL)", $"{batch.Users:N0} users: {(batch.Completed ? "completed" : "NOT completed")}, {batch.Results:N0} results for {batch.DistinctUsers:N0} users, " +
            $"{batch.Migrated:N0} migrated, {batch.Failed:N0} failed, {batch.MovedUsers:N0} users moved, {batch.DuplicateAccounts} duplicate accounts", batch.ExactlyOnce);
        Check("outbox exactly-once (by Message-ID)", $"{outbox.Queued:N0} queued, {outbox.Sent:N0} recorded sent, {outbox.Received:N0} received; lost {outbox.Lost}, " +
            $"duplicates {outbox.Duplicates} (resent after a kill mid-send, same Message-ID: {outbox.ResentAfterKill}), unknown {outbox.Unknown}, still pending {outbox.Pending}, given up {outbox.GivenUp}", outbox.ExactlyOnce && outbox.Sent > 0);

        output.WriteLine();
        output.WriteLine("| invariant | figure | result |");
        output.WriteLine("|---|---|---|");
        foreach (var (invariant, figure, ok) in invariants)
        {
            output.WriteLine($"| {invariant} | {figure} | {(ok ? "PASS" : "FAIL")} |");
        }

        foreach (var detail in outbox.Details)
        {
            output.WriteLine($"  outbox: {detail}");
        }

        // The real errors first (each with its time, to set against the faults), then those of the failover.
        foreach (var error in real.Take(10).Concat(refusedAtFailover.Take(3)))
        {
            output.WriteLine($"  {(refusedAtFailover.Contains(error) ? "refused at the failover" : "real error")}: {DateTimeOffset.FromUnixTimeMilliseconds(error.At):HH:mm:ss.fff} {error.Kind}: {error.Why[..Math.Min(error.Why.Length, 300)]}");
        }

        foreach (var error in load.GatewayErrors.Take(Passed ? 3 : 10))
        {
            output.WriteLine($"  broken by a kill: {error}");
        }
    }

    /// <summary>A proxy failure on the killed replica, sent before the kill was over and ended after it struck.</summary>
    private static bool AtKill(ProxyFailure failure, Fault fault) =>
        fault.Destination == failure.Destination && failure.Started <= fault.At.AddSeconds(2) && failure.Ended >= fault.At;

    private static string P99(List<RequestRecord> requests, DateTimeOffset from, DateTimeOffset to)
    {
        var (a, b) = (from.ToUnixTimeMilliseconds(), to.ToUnixTimeMilliseconds());
        var sorted = requests.Where(r => r.Start >= a && r.Start < b && r.Status is > 0 and < 500).Select(r => r.Ms).Order().ToList();
        return sorted.Count == 0 ? "-" : $"{ClosedLoop.Percentile(sorted, 99):0} ms ({sorted.Count:N0})";
    }

    private void Check(string invariant, string figure, bool ok) => invariants.Add((invariant, figure, ok));
}
