using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Benchmarks.Flows;

namespace Benchmarks.Soak;

/// <summary>How the operations of one kind ended: succeeded, broke on a gateway error (a replica died under them), or broke otherwise (a real error).</summary>
public sealed record KindCount(string Kind, int Ok, int Gateway, int Real);

/// <summary>A session at the end: when it signed in, whether it was lost during the run or would not renew once the faults were over.</summary>
public sealed record SessionCheck(long SignedInAt, bool Lost);

/// <summary>What the soak's load process prints (one JSON line); its requests go to the --out file, one JSON line each.</summary>
/// <summary>An operation that broke without a gateway error: when (Unix ms), of which kind, and why.</summary>
public sealed record SoakError(long At, string Kind, string Why);

public sealed record SoakLoadResult(List<KindCount> Kinds, List<SoakError> RealErrors, List<string> GatewayErrors, List<SessionCheck> Sessions);

/// <summary>
/// The soak's mixed traffic, in its own process: <c>dotnet Benchmarks.dll soak-load --base-url URL
/// --users FILE --admin EMAIL,PASSWORD,KEY --seconds S --clients N --out FILE</c>. N clients per kind
/// (sign-in, renewal, portal read, ticket, Manage Users) for S seconds, then every session renews
/// once more: one that cannot was lost.
/// </summary>
public static class SoakLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            options[args[i].TrimStart('-')] = args[i + 1];
        }

        var seconds = double.Parse(options["seconds"], CultureInfo.InvariantCulture);
        var clients = int.Parse(options["clients"], CultureInfo.InvariantCulture);
        var admin = options["admin"].Split(',');
        var recorder = new RequestRecorder();
        using var http = new HttpClient(recorder) { BaseAddress = new Uri(options["base-url"].TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(60) };
        var codes = AuthenticatorCodes.Open(options["users"]);
        var sessions = new SoakSessions();
        var traffic = new SoakTraffic(http, new UserPool(BenchUser.ReadAll(options["users"]), codes), sessions, new BenchUser(admin[0], admin[1], admin[2]));
        var counts = Traffic().ToDictionary(t => t.Kind, _ => new int[3]);
        var realErrors = new ConcurrentQueue<SoakError>();
        var gatewayErrors = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));

        await Task.WhenAll(Traffic().SelectMany(t => Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            for (var round = client; !stop.IsCancellationRequested; round += clients)
            {
                var operation = new Operation(t.Kind);
                RequestRecorder.Current = operation;
                var outcome = 0;
                try
                {
                    await t.Run(round, stop.Token);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception e) when (e is FlowException or HttpRequestException or IOException or OperationCanceledException or JsonException)
                {
                    outcome = operation.HitGateway ? 1 : 2;
                    if (outcome == 1)
                    {
                        gatewayErrors.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {t.Kind}: {operation.LastFailure}; then {e.GetType().Name}: {e.Message}");
                    }
                    else
                    {
                        realErrors.Enqueue(new SoakError(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), t.Kind, $"{e.GetType().Name}: {e.Message}"));
                    }
                }

                Interlocked.Increment(ref counts[t.Kind][outcome]);
                if (t.Pause > TimeSpan.Zero)
                {
                    await Task.Delay(t.Pause, CancellationToken.None);
                }
            }
        }, CancellationToken.None))));
        codes.Save();

        // After the last fault: every session not already known lost renews once more (a gateway
        // error here is retried: the question is whether the session still exists).
        RequestRecorder.Current = new Operation("final session check");
        using var cap = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var checks = new ConcurrentBag<SessionCheck>();
        await Parallel.ForEachAsync(sessions.All(), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cap.Token }, async (session, ct) =>
        {
            var lost = session.Lost;
            for (var attempt = 1; !lost && attempt <= 3; attempt++)
            {
                try
                {
                    await session.Browser.RenewAsync(ct);
                    break;
                }
                catch (FlowException e) when (e.Message.StartsWith("authorize: redirected without a code", StringComparison.Ordinal))
                {
                    lost = true;
                    realErrors.Enqueue(new SoakError(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), "final session check", $"session of {session.User.Email} (signed in {session.SignedInAt:HH:mm:ss}) lost: {e.Message}"));
                }
                catch (Exception e) when (e is FlowException or HttpRequestException or IOException)
                {
                    if (attempt == 3)
                    {
                        lost = true;
                        realErrors.Enqueue(new SoakError(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), "final session check", $"session of {session.User.Email} did not renew in 3 tries: {e.Message}"));
                    }

                    await Task.Delay(1000, ct);
                }
            }

            checks.Add(new SessionCheck(session.SignedInAt.ToUnixTimeMilliseconds(), lost));
        });

        await using (var file = new StreamWriter(options["out"]))
        {
            foreach (var record in recorder.Records)
            {
                await file.WriteLineAsync(JsonSerializer.Serialize(record, LoadProcess.Json));
            }
        }

        var result = new SoakLoadResult(
            [.. counts.Select(c => new KindCount(c.Key, c.Value[0], c.Value[1], c.Value[2]))],
            [.. realErrors.Take(200)],
            [.. gatewayErrors.Take(30)],
            [.. checks]);
        Console.WriteLine(JsonSerializer.Serialize(result, LoadProcess.Json));
        return 0;

        IEnumerable<(string Kind, TimeSpan Pause, Func<int, CancellationToken, Task> Run)> Traffic() =>
        [
            (SoakTraffic.SignIn, TimeSpan.Zero, (_, ct) => traffic.SignInAsync(ct)),
            (SoakTraffic.Renewal, TimeSpan.FromMilliseconds(20), (_, ct) => traffic.RenewAsync(ct)),
            (SoakTraffic.PortalRead, TimeSpan.FromMilliseconds(10), (_, ct) => traffic.ReadPortalAsync(ct)),
            // A few tickets a second: each mails the partner's support mailbox.
            (SoakTraffic.Ticket, TimeSpan.FromMilliseconds(500), (_, ct) => traffic.OpenTicketAsync(ct)),
            (SoakTraffic.ManageUsers, TimeSpan.FromMilliseconds(50), (round, ct) => traffic.ReadManageUsersAsync(1 + round % 10, ct)),
        ];
    }
}
