// Load benchmark of the Api over real HTTP (Kestrel on 127.0.0.1), in-process with SQLite and Garnet.
// dotnet run -c Release --project tests/Benchmarks -- [--requests 2000] [--concurrency 8] [--warmup 200]
//                                                      [--password-requests 200] [--max-seconds 180]
// Or one migration batch instead: dotnet run -c Release --project tests/Benchmarks -- --migration-users 10000
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Runtime;
using Api.Sso.Login;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmarks;

// Not top-level statements: those would declare a global Program, which clashes with the Api's.
public static class Bench
{
    public static async Task<int> Main(string[] args)
    {
        var settings = new Dictionary<string, int>
        {
            ["requests"] = 2000, ["concurrency"] = 8, ["warmup"] = 200, ["password-requests"] = 200, ["max-seconds"] = 180,
            ["migration-users"] = 0,
        };
        for (var i = 0; i < args.Length; i += 2)
        {
            var key = args[i].TrimStart('-');
            if (!settings.ContainsKey(key) || i + 1 >= args.Length || !int.TryParse(args[i + 1], out var value) || value < 1)
            {
                Console.Error.WriteLine($"Unknown or invalid argument '{args[i]}'. Options (positive integers): {string.Join(", ", settings.Keys.Select(k => "--" + k))}");
                return 2;
            }

            settings[key] = value;
        }

        if (settings["migration-users"] > 0)
        {
            return await MigrationBench.RunAsync(settings["migration-users"], settings["max-seconds"]);
        }

        var (requests, concurrency, warmup, passwordRequests) = (settings["requests"], settings["concurrency"], settings["warmup"], settings["password-requests"]);
        var total = Stopwatch.StartNew();
        using var cap = new CancellationTokenSource(TimeSpan.FromSeconds(settings["max-seconds"]));

        Console.WriteLine($"Benchmark: {requests} requests per scenario ({passwordRequests} for the password step), concurrency {concurrency}, " +
            $"warm-up {warmup}, time cap {settings["max-seconds"]} s. {Environment.ProcessorCount} cores, server GC {GCSettings.IsServerGC}.");
        await using var api = new BenchApi();
        var baseAddress = api.Start();
        Console.WriteLine($"Api listening on {baseAddress} (Development, temp SQLite, embedded Garnet); started in {total.Elapsed.TotalSeconds:0.0} s.");

        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var token = await api.TokenForAsync("erin.enrolled@northwind.test", TimeSpan.FromSeconds(settings["max-seconds"]) + TimeSpan.FromMinutes(5));

        async Task<bool> Status(CancellationToken ct)
        {
            using var response = await http.GetAsync("api/status", ct);
            return response.StatusCode == HttpStatusCode.OK;
        }

        async Task<HttpResponseMessage> GetMe(CancellationToken ct)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "api/portal/me");
            request.Headers.Authorization = new("Bearer", token);
            return await http.SendAsync(request, ct);
        }

        async Task<bool> Me(CancellationToken ct)
        {
            using var response = await GetMe(ct);
            return response.StatusCode == HttpStatusCode.OK;
        }

        Task<HttpResponseMessage> PostStart(CancellationToken ct) =>
            http.PostAsJsonAsync("api/sso/login/start", new { email = $"bench-{Guid.NewGuid():N}@bench.example", returnUrl = (string?)null }, ct);

        async Task<bool> Start(CancellationToken ct)
        {
            using var response = await PostStart(ct);
            return response.StatusCode == HttpStatusCode.OK;
        }

        // An unknown e-mail: the Api answers 400 after one dummy PBKDF2 verification (equal cost on every path).
        async Task<bool> StartAndPassword(CancellationToken ct)
        {
            using var start = await PostStart(ct);
            var cookie = start.Headers.TryGetValues("Set-Cookie", out var values)
                ? values.Select(v => v.Split(';')[0]).FirstOrDefault(v => v.StartsWith(LoginTransactionStore.CookieName + "=", StringComparison.Ordinal))
                : null;
            if (start.StatusCode != HttpStatusCode.OK || cookie is null)
            {
                return false;
            }

            // The cookie is Secure (__Host-); a browser would only send it over https, so it is set by hand here.
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/sso/login/password") { Content = JsonContent.Create(new { password = "Not-The-Password-1" }) };
            request.Headers.Add("Cookie", cookie);
            using var answer = await http.SendAsync(request, ct);
            return answer.StatusCode == HttpStatusCode.BadRequest;
        }

        using (var check = await GetMe(cap.Token))
        {
            if (check.StatusCode != HttpStatusCode.OK)
            {
                Console.WriteLine($"Pre-flight GET /api/portal/me answered {(int)check.StatusCode}: {await check.Content.ReadAsStringAsync()}");
            }
        }

        var scenarios = new (string Name, int Count, Func<CancellationToken, Task<bool>> Operation)[]
        {
            ("(1) GET /api/status", requests, Status),
            ("(2) GET /api/portal/me", requests, Me),
            ("(3) POST /api/sso/login/start", requests, Start),
            ("(4) start + password (unknown)", passwordRequests, StartAndPassword),
        };

        // Warm-up: --warmup operations, at most a tenth of the scenario's count (so 20 for 200 password steps).
        foreach (var (name, count, operation) in scenarios)
        {
            var warm = await LoadRunner.RunAsync(name, Math.Min(warmup, Math.Max(1, count / 10)), concurrency, operation, cap.Token);
            Console.WriteLine($"warm-up {name}: {warm.Done}/{warm.Planned} done, {warm.Errors} unexpected answers");
        }

        var afterWarmup = Memory();
        var results = new List<Result>();
        foreach (var (name, count, operation) in scenarios)
        {
            results.Add(await LoadRunner.RunAsync(name, count, concurrency, operation, cap.Token));
        }

        var atEnd = Memory();

        // The password step's fixed cost, measured alone: the very check it runs for an unknown e-mail.
        var dummy = api.Services.GetRequiredService<DummyPasswordCheck>();
        var pbkdf2 = Enumerable.Range(0, cap.IsCancellationRequested ? 0 : 15).Select(_ =>
        {
            var t = Stopwatch.GetTimestamp();
            dummy.Verify("Not-The-Password-1");
            return Stopwatch.GetElapsedTime(t).TotalMilliseconds;
        }).Order().ToArray();

        Console.WriteLine();
        Console.WriteLine($"{"scenario",-33} {"done",6} {"errors",6} {"req/s",8} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"alloc/op",10}");
        foreach (var r in results)
        {
            Console.WriteLine($"{r.Name,-33} {r.Done,6} {r.Errors,6} {r.RequestsPerSecond,8:0.0} {Ms(r.P(50)),8} {Ms(r.P(95)),8} {Ms(r.P(99)),8} {r.AllocatedPerOp / 1024,7:0.0} KB");
        }

        Console.WriteLine();
        Console.WriteLine(pbkdf2.Length > 0
            ? $"PBKDF2 (DummyPasswordCheck.Verify, alone, 1 thread): median {pbkdf2[pbkdf2.Length / 2]:0.0} ms, min {pbkdf2[0]:0.0} ms"
            : "PBKDF2: not measured (time cap reached)");
        Console.WriteLine($"memory after warm-up: {afterWarmup}");
        Console.WriteLine($"memory at the end:    {atEnd}");
        Console.WriteLine("(alloc/op = GC.GetTotalAllocatedBytes delta / operations: the whole process, i.e. server + HttpClient + Garnet; (4) is two requests)");
        if (cap.IsCancellationRequested)
        {
            Console.WriteLine($"STOPPED by the {settings["max-seconds"]} s time cap: the figures above cover only what completed.");
        }

        Console.WriteLine();
        Console.WriteLine($"targets (sized for a 2-core machine, concurrency {concurrency}):");
        Target("status p95 < 50 ms", results[0].P(95) < 50, $"{Ms(results[0].P(95))} ms");
        Target("me p95 < 50 ms", results[1].P(95) < 50, $"{Ms(results[1].P(95))} ms");
        Target("login start p95 < 50 ms", results[2].P(95) < 50, $"{Ms(results[2].P(95))} ms");
        Target("start + password p95 < 1000 ms", results[3].P(95) < 1000, $"{Ms(results[3].P(95))} ms");
        Target("status throughput > 200 req/s", results[0].RequestsPerSecond > 200, $"{results[0].RequestsPerSecond:0} req/s");
        var errors = results.Sum(r => r.Errors);
        var incomplete = results.Count(r => !r.Complete);
        Target("no errors, nothing cut by the time cap", errors == 0 && incomplete == 0, $"{errors} errors, {incomplete} incomplete scenarios");
        Console.WriteLine($"total time {total.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }

    private static void Target(string what, bool pass, string actual) =>
        Console.WriteLine($"{(pass ? "PASS" : "FAIL")}  {what} (actual {actual})");

    private static string Ms(double value) => double.IsNaN(value) ? "-" : value.ToString("0.0");

    private static string Memory()
    {
        using var process = Process.GetCurrentProcess();
        const double MB = 1024 * 1024;
        return $"working set {process.WorkingSet64 / MB:0} MB, GC heap {GC.GetTotalMemory(false) / MB:0.0} MB, GC committed {GC.GetGCMemoryInfo().TotalCommittedBytes / MB:0.0} MB";
    }
}
