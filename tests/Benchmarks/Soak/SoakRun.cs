using System.Diagnostics;
using System.Globalization;
using System.Net;
using Benchmarks.Flows;
using Benchmarks.Load;
using Benchmarks.Orchestration;

namespace Benchmarks.Soak;

/// <summary>
/// <c>dotnet run -c Release --project tests/Benchmarks -- --soak 10m</c> (or <c>--soak 45s</c>): three
/// Api replicas behind YARP, mixed traffic from a separate load process, faults on a schedule
/// (<see cref="SoakFaults"/>), then the invariants (<see cref="SoakReport"/>). Exit code 0 when every
/// invariant held, 1 when one failed or the soak itself broke.
/// </summary>
public static class SoakRun
{
    public static async Task<int> RunAsync(SoakOptions options, string repoRoot, CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        var (_, commit) = await ChildProcess.RunAsync("git", ["rev-parse", "--short", "HEAD"], repoRoot);
        Console.WriteLine($"Soak {options.Duration.TotalMinutes:0.##} min ({(options.Short ? "short form" : "full")}) — commit {commit.Trim()}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, " +
            $"{Environment.ProcessorCount} cores. A replica SIGKILLed every {options.KillEvery.TotalSeconds:0} s and restarted; the mail server restarted once; a Redis master failed over once.");
        Console.WriteLine($"Deviations: {string.Join(", ", SoakStack.Deviations.Select(d => $"{d.Key}={d.Value}"))}, and the bench's (per-IP limits raised, plain http).");
        try
        {
            await using var stack = await SoakStack.StartAsync(repoRoot, options, cancellationToken);
            Console.WriteLine($"Cache: {stack.CacheDescription}. Database: one SQLite file (WAL) shared by the replicas.");
            var operatorToken = await AccessTokens.SignInAsync(stack.Proxy.Address, stack.Seed.Operator, cancellationToken);
            var requestsFile = Path.Combine(stack.Folder, "soak-requests.jsonl");
            var admin = stack.Seed.Partners[^1].Admin;
            var loadStart = DateTimeOffset.UtcNow;
            var load = LoadAsync(stack.Proxy.Address, stack.Seed.UsersFile, $"{admin.Email},{admin.Password},{admin.AuthenticatorKey}", options, requestsFile, cancellationToken);
            var faults = new SoakFaults(stack, options, ct => RunBatchNowAsync(stack, operatorToken, ct));
            await faults.RunAsync(loadStart, cancellationToken);
            var loadResult = await load;
            if (faults.Skipped > 0)
            {
                Console.WriteLine($"{faults.Skipped} kill(s) skipped: only one replica was up at the time.");
            }

            Console.WriteLine($"[{DateTime.Now:HH:mm:ss.f}] Load done; waiting for the batch to complete and the outbox to drain…");
            var batch = await SoakInvariants.BatchAsync(stack, TimeSpan.FromMinutes(options.Short ? 1.5 : 5), cancellationToken);
            var kills = faults.Faults.Where(f => f.Destination is not null).Select(f => f.At).ToList();
            var outbox = await SoakInvariants.OutboxAsync(stack, kills, TimeSpan.FromMinutes(options.Short ? 1 : 3), cancellationToken);
            var report = new SoakReport(options, loadResult, SoakReport.ReadRequests(requestsFile), faults.Faults,
                stack.Proxy.Ledger.Failures, stack.Proxy.Ledger.Redirected, batch, outbox);
            Console.WriteLine();
            report.Print(Console.Out);
            Console.WriteLine($"Soak {(report.Passed ? "PASSED" : "FAILED")} in {total.Elapsed.TotalMinutes:0.0} min (the proxy forwarded {stack.Proxy.Ledger.Forwarded:N0} requests).");
            if (!report.Passed)
            {
                for (var i = 0; i < stack.Replicas.Count; i++)
                {
                    Console.WriteLine($"--- the last lines of {stack.Replicas.Describe(i)}:{Environment.NewLine}{stack.Replicas.Tail(i)}");
                }
            }

            return report.Passed ? 0 : 1;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Console.Error.WriteLine($"The soak itself broke: {e}");
            return 1;
        }
    }

    /// <summary>The operator's Run now on the seeded batch, through the proxy.</summary>
    private static async Task RunBatchNowAsync(SoakStack stack, string operatorToken, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = stack.Proxy.Address };
        http.DefaultRequestHeaders.Authorization = new("Bearer", operatorToken);
        using var run = await http.PostAsync($"api/admin/migration/batches/{stack.Seed.MigrationBatchId}/run", null, cancellationToken);
        if (run.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"Run now answered {(int)run.StatusCode}: {await run.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    /// <summary>The mixed traffic in a child process of this program (<see cref="SoakLoad"/>); its last output line is the result.</summary>
    private static Task<SoakLoadResult> LoadAsync(Uri proxy, string usersFile, string admin, SoakOptions options, string requestsFile, CancellationToken cancellationToken) =>
        ChildLoad.RunAsync<SoakLoadResult>(
        [
            "soak-load", "--base-url", proxy.ToString(), "--users", usersFile, "--admin", admin,
            "--seconds", options.Duration.TotalSeconds.ToString(CultureInfo.InvariantCulture),
            "--clients", options.ClientsPerKind.ToString(CultureInfo.InvariantCulture), "--out", requestsFile,
        ],
        options.Duration + TimeSpan.FromMinutes(5),
        cancellationToken);
}
