using Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmarks.Soak;

/// <summary>
/// One fault: what it was, when it struck, when the system was whole again (the replica back
/// behind the proxy, the mail server answering), and for a kill the replica's destination in the
/// proxy and how many requests were in flight on it (the most the kill may break).
/// </summary>
public sealed record Fault(string What, DateTimeOffset At, DateTimeOffset Recovered, string? Destination, long InFlightBound);

/// <summary>
/// The soak's faults, on a clock that starts with the load: every <see cref="SoakOptions.KillEvery"/>
/// SIGKILL a replica (random among those up, never the last one; the kill after Run now takes the
/// replica running the batch) and restart it on its port while the schedule goes on; Run now on the
/// migration batch just before the second kill; the mail server SIGKILLed and restarted once; one
/// Redis master failed over once.
/// </summary>
public sealed class SoakFaults(SoakStack stack, SoakOptions options, Func<CancellationToken, Task> runBatchNow)
{
    private readonly List<Fault> faults = [];
    private readonly Random random = new(2026);
    private readonly HashSet<int> down = [];
    private bool batchKillDone;
    private int skipped;

    /// <summary>The faults in the order they struck.</summary>
    public IReadOnlyList<Fault> Faults => [.. faults.OrderBy(f => f.At)];

    /// <summary>Kills not done because only one replica was up (the proxy needs one to send to).</summary>
    public int Skipped => skipped;

    public DateTimeOffset? BatchStartedAt { get; private set; }

    public async Task RunAsync(DateTimeOffset loadStart, CancellationToken cancellationToken)
    {
        var killTimes = new List<TimeSpan>();
        for (var at = options.Calm; at < options.Duration - options.Window; at += options.KillEvery)
        {
            killTimes.Add(at);
        }

        // Run now just before the second kill, which then takes the replica running the batch.
        var batchAt = killTimes.Count > 1 ? killTimes[1] - TimeSpan.FromSeconds(2) : options.Calm;
        var mailAt = options.Calm + (options.KillEvery * 1.5);
        var failoverAt = options.Calm + (options.KillEvery * 2.5);
        var failoverDone = false;
        var recoveries = new List<Task>();
        var mailDone = false;
        foreach (var killAt in killTimes)
        {
            if (BatchStartedAt is null && batchAt < killAt + TimeSpan.FromSeconds(1))
            {
                await UntilAsync(loadStart + batchAt, cancellationToken);
                BatchStartedAt = DateTimeOffset.UtcNow;
                await runBatchNow(cancellationToken);
                Log($"Run now: the migration batch of {stack.Seed.MigrationUsers:N0} users started.");
            }

            if (!mailDone && mailAt < killAt)
            {
                await UntilAsync(loadStart + mailAt, cancellationToken);
                recoveries.Add(RestartMailServerAsync(cancellationToken));
                mailDone = true;
            }

            if (!failoverDone && failoverAt < killAt)
            {
                await UntilAsync(loadStart + failoverAt, cancellationToken);
                recoveries.Add(FailOverRedisAsync());
                failoverDone = true;
            }

            await UntilAsync(loadStart + killAt, cancellationToken);
            int[] up;
            lock (down)
            {
                up = [.. Enumerable.Range(0, stack.Replicas.Count).Where(r => !down.Contains(r))];
            }

            if (up.Length < 2)
            {
                Log("Kill skipped: only one replica is up (the others are still starting).");
                skipped++;
                continue;
            }

            var replica = up[random.Next(up.Length)];
            var runsBatch = false;
            if (BatchStartedAt is not null && !batchKillDone && await BatchRunnerAsync(cancellationToken) is { } runner && up.Contains(runner))
            {
                (replica, batchKillDone, runsBatch) = (runner, true, true);
            }

            recoveries.Add(KillAndRestartAsync(replica, runsBatch, cancellationToken));
        }

        if (!mailDone)
        {
            recoveries.Add(RestartMailServerAsync(cancellationToken));
        }

        if (!failoverDone)
        {
            recoveries.Add(FailOverRedisAsync());
        }

        await Task.WhenAll(recoveries);
    }

    /// <summary>Kills at once; the restart (tens of seconds on a loaded machine) runs on while the schedule goes on.</summary>
    private async Task KillAndRestartAsync(int replica, bool runsBatch, CancellationToken cancellationToken)
    {
        var destination = ReverseProxy.DestinationOf(replica);
        var who = stack.Replicas.Describe(replica);
        var ledger = stack.Proxy.Ledger;
        lock (down)
        {
            down.Add(replica);
        }

        var (inFlight, startedBefore) = (ledger.InFlight(destination), ledger.Started(destination));
        var at = DateTimeOffset.UtcNow;
        stack.Replicas.Kill(replica);
        // Requests the proxy sent it while the kill was under way were in flight at the kill too.
        var bound = inFlight + (ledger.Started(destination) - startedBefore);
        Log($"SIGKILL {who}{(runsBatch ? ", which ran the migration batch" : "")}: {bound} request(s) in flight on it.");
        await stack.Replicas.RestartAsync(replica, cancellationToken);
        // Whole again once the proxy's active health check (every second) has seen it answer.
        await Task.Delay(TimeSpan.FromSeconds(1.5), cancellationToken);
        var recovered = DateTimeOffset.UtcNow;
        Log($"  restarted as {stack.Replicas.Describe(replica)} in {(recovered - at).TotalSeconds:0.0} s.");
        lock (down)
        {
            down.Remove(replica);
            faults.Add(new Fault($"SIGKILL replica {replica}{(runsBatch ? " (running the batch)" : "")}", at, recovered, destination, bound));
        }
    }

    private async Task RestartMailServerAsync(CancellationToken cancellationToken)
    {
        var at = DateTimeOffset.UtcNow;
        stack.Mail.Kill();
        Log("SIGKILL the mail server (smtp4dev); the replicas' outbox dispatchers meet a closed port.");
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        await stack.Mail.StartAsync(cancellationToken);
        var recovered = DateTimeOffset.UtcNow;
        Log($"  mail server back in {(recovered - at).TotalSeconds:0.0} s.");
        lock (down)
        {
            faults.Add(new Fault("restart the mail server", at, recovered, null, 0));
        }
    }

    /// <summary>A planned failover of the master holding the SSO sessions' slot: its replica takes over (CLUSTER FAILOVER, no write lost).</summary>
    private async Task FailOverRedisAsync()
    {
        var at = DateTimeOffset.UtcNow;
        Log("Redis: failing over the master of the sessions' slot…");
        var port = await Task.Run(() => stack.Cache.FailOverMasterOf("sso:session:soak"));
        var recovered = DateTimeOffset.UtcNow;
        Log($"  the replica on port {port} is master now ({(recovered - at).TotalSeconds:0.0} s).");
        lock (down)
        {
            faults.Add(new Fault("fail over a Redis master", at, recovered, null, 0));
        }
    }

    /// <summary>The replica holding the running batch's lease (its owner name carries the process id), if any.</summary>
    private async Task<int?> BatchRunnerAsync(CancellationToken cancellationToken)
    {
        await using var scope = stack.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var owner = await db.MigrationBatches.Where(b => b.Id == stack.Seed.MigrationBatchId && b.CompletedAt == null)
            .Select(b => b.LeaseOwner).FirstOrDefaultAsync(cancellationToken);
        var parts = owner?.Split('/');
        return parts is { Length: >= 2 } && int.TryParse(parts[1], out var pid) ? stack.Replicas.WithProcessId(pid) : null;
    }

    private static async Task UntilAsync(DateTimeOffset when, CancellationToken cancellationToken)
    {
        var wait = when - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, cancellationToken);
        }
    }

    private static void Log(string line) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss.f}] {line}");
}
