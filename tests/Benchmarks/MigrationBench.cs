using System.Diagnostics;
using Api.Infrastructure;
using Api.Portal;
using Api.Sso.Accounts;
using Api.SsoMigration.Batches;
using Api.SsoMigration.Execution;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmarks;

/// <summary>
/// One migration batch of <c>users</c> legacy end users in one client, run to completion by the
/// Api's own runner (woken as Run now wakes it), on SQLite. No e-mail is involved: migration sends
/// none (activation mails go out at a user's first SSO sign-in).
/// </summary>
public static class MigrationBench
{
    public static async Task<int> RunAsync(int users, int maxSeconds)
    {
        var total = Stopwatch.StartNew();
        Console.WriteLine($"Migration benchmark: one batch of {users} legacy users in one client. {Environment.ProcessorCount} cores.");
        await using var api = new BenchApi();
        api.Start();
        Console.WriteLine($"Api started in {total.Elapsed.TotalSeconds:0.0} s (Development, temp SQLite, embedded Garnet).");

        var seeding = Stopwatch.StartNew();
        var batchId = await SeedAsync(api.Services, users);
        Console.WriteLine($"seeded {users} users and the batch in {seeding.Elapsed.TotalSeconds:0.0} s");

        var run = Stopwatch.StartNew();
        api.Services.GetRequiredService<BatchRunnerSignal>().Notify();
        MigrationBatch batch;
        using var cap = new CancellationTokenSource(TimeSpan.FromSeconds(maxSeconds));
        while ((batch = await BatchAsync(api.Services, batchId)).Status != MigrationBatchStatus.Completed && !cap.IsCancellationRequested)
        {
            await Task.Delay(100, CancellationToken.None);
        }

        run.Stop();
        var counts = await CountsAsync(api.Services, batchId);
        // The runner's own timestamps: from its claim to the completion, without this loop's polling.
        var seconds = batch.CompletedAt is { } completed && batch.StartedAt is { } started ? (completed - started).TotalSeconds : run.Elapsed.TotalSeconds;
        var done = counts.Where(c => c.Key != MigrationOutcomeStatus.Pending).Sum(c => c.Value);
        Console.WriteLine();
        Console.WriteLine($"results: {string.Join(", ", counts.Select(c => $"{MigrationWire.Status(c.Key)} {c.Value}"))}");
        Console.WriteLine($"batch run: {seconds:0.0} s, {done / seconds:0} users/s (wall time including polling: {run.Elapsed.TotalSeconds:0.0} s)");
        if (cap.IsCancellationRequested)
        {
            Console.WriteLine($"STOPPED by the {maxSeconds} s time cap: the batch did not complete.");
        }

        Console.WriteLine();
        Console.WriteLine("targets (sized for a 2-core machine):");
        Console.WriteLine($"{(batch.Status == MigrationBatchStatus.Completed && seconds < 60 ? "PASS" : "FAIL")}  batch of {users} completes in under 60 s (actual {seconds:0.0} s)");
        Console.WriteLine($"{(counts.GetValueOrDefault(MigrationOutcomeStatus.Migrated) == users ? "PASS" : "FAIL")}  every user migrated once (actual {counts.GetValueOrDefault(MigrationOutcomeStatus.Migrated)})");
        Console.WriteLine($"total time {total.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }

    private static async Task<Guid> SeedAsync(IServiceProvider services, int users)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var client = new Client { Name = "Bench Client", Partner = new Partner { Name = "Bench Partner" } };
        // One legacy hash for all: hashing is not what is measured, and migration only copies it.
        var hash = LegacyPasswordHash.Create("Bench-Password-123");
        db.Add(client);
        db.EndUsers.AddRange(Enumerable.Range(0, users).Select(i => new EndUser
        {
            Client = client,
            Email = $"bench-{i:D6}@bench-migration.example",
            DisplayName = $"Bench User {i}",
            LegacyPasswordHash = hash,
        }));
        var batch = new MigrationBatch
        {
            Name = "Benchmark wave",
            ScheduledAt = DateTime.UtcNow,
            TimeZone = "UTC",
            CreatedAt = DateTime.UtcNow,
            CreatedBy = "Benchmark",
            Clients = [new MigrationBatchClient { ClientId = client.Id }],
        };
        db.Add(batch);
        await db.SaveChangesAsync();
        return batch.Id;
    }

    private static async Task<MigrationBatch> BatchAsync(IServiceProvider services, Guid batchId)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().MigrationBatches.AsNoTracking().SingleAsync(b => b.Id == batchId);
    }

    private static async Task<Dictionary<MigrationOutcomeStatus, int>> CountsAsync(IServiceProvider services, Guid batchId)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().MigrationResults
            .Where(r => r.BatchId == batchId).GroupBy(r => r.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
    }
}
