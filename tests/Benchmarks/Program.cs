// The performance bench: dotnet run -c Release --project tests/Benchmarks [-- --smoke] [-- --only me,export]
// Starts Garnet, an OTLP sink and the Api (Release, Production) as separate processes on a freshly
// seeded SQLite file, drives load from separate processes (wrk; this program in "load" mode for
// multi-step flows) and prints one table: each figure beside its reference from the same run.
using System.Diagnostics;
using System.Runtime.InteropServices;
using Benchmarks.Flows;
using Benchmarks.Load;
using Benchmarks.Orchestration;
using Benchmarks.Report;
using Benchmarks.Scenarios;
using Benchmarks.Seeding;

namespace Benchmarks;

// Not top-level statements: those would declare a global Program, which clashes with the Api's.
public static class Bench
{
    public static async Task<int> Main(string[] args)
    {
        // A child process of this same program, driving one multi-step flow (see Flows/FlowScenarios).
        if (args is ["load", ..])
        {
            return await LoadProcess.RunAsync(args);
        }

        // The soak: three replicas behind YARP under faults (Soak/SoakRun).
        if (args is ["soak-load", ..])
        {
            return await Soak.SoakLoad.RunAsync(args);
        }

        if (args is ["--soak", var length])
        {
            if (Soak.SoakOptions.Parse(length) is not { } soak)
            {
                Console.Error.WriteLine($"--soak takes a length of at least 30 s, such as 10m or 45s (not '{length}').");
                return 2;
            }

            using var stopSoak = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                stopSoak.Cancel();
            };
            return await Soak.SoakRun.RunAsync(soak, RepoRoot.Find(), stopSoak.Token);
        }

        var options = BenchOptions.Parse(args);
        if (options is null)
        {
            return 2;
        }

        var total = Stopwatch.StartNew();
        var repoRoot = RepoRoot.Find();
        await PrintHeaderAsync(repoRoot, options);
        var table = new ResultTable();
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        try
        {
            if (options.Scenarios.Any(s => s is not ("coldstart" or "loginjs")))
            {
                await using var stack = await BenchStack.StartAsync(repoRoot, options, cancel.Token);
                await RunAgainstStackAsync(stack, options, table, cancel.Token);
                Console.WriteLine($"Telemetry: the Api sent {stack.Telemetry.Exports:N0} OTLP exports to the sink during the run.");
            }

            // With the bench's own stack stopped: nothing else of the bench competes with them.
            if (options.Runs("coldstart"))
            {
                await ScenarioAsync("Cold start", "≤ 15 s", table, () => StackStartAndScript.ColdStartAsync(repoRoot, table, cancel.Token));
            }

            if (options.Runs("loginjs"))
            {
                await ScenarioAsync("Login page JavaScript", "≤ 80 KB gzip", table, () => StackStartAndScript.LoginScriptAsync(repoRoot, table, cancel.Token));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Console.Error.WriteLine($"The bench itself broke: {e}");
            table.Print(Console.Out);
            return 1;
        }

        Console.WriteLine();
        table.Print(Console.Out);
        Console.WriteLine($"Total time {total.Elapsed.TotalMinutes:0.0} min.");
        return 0;
    }

    private static async Task RunAgainstStackAsync(BenchStack stack, BenchOptions options, ResultTable table, CancellationToken cancellationToken)
    {
        var issuer = stack.Api.BaseAddress;
        if (options.Runs("me"))
        {
            await ScenarioAsync("Portal read vs /alive", "≥ 40%, p99 ≤ 3×", table, async () =>
                await PortalReadVsAlive.RunAsync(stack, options, await AccessTokens.SignInAsync(issuer, stack.Seed.UsersFile, stack.Seed.Users[^1], cancellationToken), table, cancellationToken));
        }

        if (options.Runs("manage-users") || options.Runs("funnel") || options.Runs("export") || options.Runs("scim"))
        {
            var adminTokens = new Dictionary<SeededPartner, string>();
            foreach (var partner in stack.Seed.Partners)
            {
                adminTokens[partner] = await AccessTokens.SignInAsync(issuer, partner.Admin, cancellationToken);
            }

            if (options.Runs("manage-users"))
            {
                await ScenarioAsync("Manage Users page", "p99 < 100 ms @ 50k, ≤ 2× @ 500k", table,
                    () => ManageUsersPages.RunAsync(stack, options, adminTokens, table, cancellationToken));
            }

            if (options.Runs("funnel"))
            {
                await ScenarioAsync("Funnel and needs attention", "p99 < 100 ms @ 500k", table,
                    () => FunnelPages.RunAsync(stack, options, adminTokens, table, cancellationToken));
            }

            if (options.Runs("export"))
            {
                await ScenarioAsync("CSV export", "< 5 s, constant memory", table, () => CsvExport.RunAsync(stack, adminTokens, table, cancellationToken));
            }

            if (options.Runs("scim"))
            {
                await ScenarioAsync("SCIM lookups", "p99 < 100 ms @ 50k", table, () => ScimLookups.RunAsync(stack, options, adminTokens, table, cancellationToken));
            }
        }

        if (options.Runs("migration"))
        {
            await ScenarioAsync("Migration batch", "≤ 60 s", table, async () =>
                await MigrationBatchRun.RunAsync(stack, await AccessTokens.SignInAsync(issuer, stack.Seed.Operator, cancellationToken), table, cancellationToken));
        }

        if (options.Runs("renewal"))
        {
            await ScenarioAsync("Silent renewal and refresh grant", "renewal ≥ 60/s, refresh ≥ 120/s per core", table, () => SsoFlows.RenewalAsync(stack, options, table, cancellationToken));
        }

        if (options.Runs("signin"))
        {
            await ScenarioAsync("Full sign-in vs hash", "≥ 85%", table, () => SsoFlows.SignInAsync(stack, options, table, cancellationToken));
        }

        if (options.Runs("webhooks"))
        {
            await ScenarioAsync("Webhook dispatch", "reported", table, async () =>
                await WebhookDispatch.RunAsync(stack, options, await AccessTokens.SignInAsync(issuer, stack.Seed.Partners[0].Admin, cancellationToken), table, cancellationToken));
        }
    }

    /// <summary>Runs one scenario; if it breaks, its line says so (FAIL) and the others still run.</summary>
    private static async Task ScenarioAsync(string name, string target, ResultTable table, Func<Task> scenario)
    {
        Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {name}…");
        try
        {
            await scenario();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Console.Error.WriteLine($"{name} broke: {e}");
            table.Add(ReportRow.Broken(name, target, e));
        }
    }

    private static async Task PrintHeaderAsync(string repoRoot, BenchOptions options)
    {
        var (_, commit) = await ChildProcess.RunAsync("git", ["rev-parse", "--short", "HEAD"], repoRoot);
        var (wrkExit, wrkVersion) = await ChildProcess.RunAsync("wrk", ["-v"], repoRoot);
        Console.WriteLine($"Bench {(options.Smoke ? "SMOKE (tiny counts: proves the command, not the targets)" : "full run")} — commit {commit.Trim()}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, " +
            $"{wrkVersion.Split('\n')[0].Trim()}{(wrkExit is 0 or 1 ? "" : " (wrk missing: apt-get install wrk)")}");
        Console.WriteLine($"Api: dotnet Api.dll ({RepoRoot.Configuration}), ASPNETCORE_ENVIRONMENT=Production, logging levels from appsettings.json, OTLP/HTTP exporter on (to the bench's sink), " +
            "SQLite temp file, Garnet (own process). Load: wrk and child processes on the same machine.");
        Console.WriteLine($"Deviations from the Api's defaults: {string.Join(", ", BenchStack.Deviations.Select(d => $"{d.Key}={d.Value}"))} (all load comes from 127.0.0.1); " +
            "Identity:AllowHttp=true and Identity:Issuer=http://127.0.0.1:<port>/ (no TLS on loopback).");
        Console.WriteLine($"Counts: partners of {string.Join(" / ", options.PartnerSizes.Select(s => s.ToString("N0")))} end users, {options.BenchUsers:N0} bench SSO users, " +
            $"{options.MigrationUsers:N0} legacy users in the batch; wrk {options.WrkDuration.TotalSeconds:0} s per figure.");
        Console.WriteLine();
    }
}
