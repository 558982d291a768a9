using Api.Audit;
using Api.Data;
using Api.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Api.SsoMigration.Execution;

/// <summary>
/// Runs due migration batches on this replica: polls every <see cref="MigrationOptions.PollInterval"/>
/// (or at once on a <see cref="BatchRunnerSignal"/>), takes a batch under a <see cref="BatchLease"/>,
/// queues its users, migrates them chunk by chunk (each user in its own transaction, see
/// <see cref="UserMigrationStep"/>), renews the lease between chunks and stops when it lost it,
/// and completes the batch when no user is left. Several replicas, restarts and crashes mid-run
/// migrate every user exactly once.
/// </summary>
public sealed class BatchRunner(
    IServiceScopeFactory scopes,
    BatchRunnerSignal signal,
    MigrationMetrics metrics,
    IOptions<MigrationOptions> options,
    TimeProvider clock,
    ILogger<BatchRunner> logger) : BackgroundService
{
    /// <summary>Users per chunk: the lease is renewed and the work list read again after each.</summary>
    public const int ChunkSize = 100;

    private readonly BatchLease lease = new(OwnerName(), options.Value.Lease, clock);

    /// <summary>The lease owner name of this runner: one per instance, so each replica is told apart.</summary>
    public string Owner => lease.Owner;

    /// <summary>Called after each user is migrated, before the commit (tests kill a run there).</summary>
    internal Action<Guid>? BeforeCommit { get; set; }

    /// <summary>Called before each user's transaction begins (tests let a log-in go first there).</summary>
    internal Action<Guid>? BeforeUserTransaction { get; set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RunOnceAsync(stoppingToken))
                {
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be down for a moment; the batch waits in it, and this runner
                // (or, once the lease expires, another) resumes where it stopped.
                logger.LogWarning(exception, "Migration batch run failed; will retry");
            }

            try
            {
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Takes one due batch and works on it until it completes or this runner loses its lease.
    /// False when no batch was due (or another runner took it first).
    /// </summary>
    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (await lease.ClaimAsync(db, cancellationToken) is not var (batchId, started))
        {
            return false;
        }

        if (started)
        {
            await RecordStartAsync(scope.ServiceProvider, db, batchId, cancellationToken);
        }

        var queued = await PendingResults.QueueAsync(db, batchId, cancellationToken);
        logger.LogInformation("Running migration batch {BatchId} ({Queued} users queued now)", batchId, queued);
        while (true)
        {
            var chunk = await PendingResults.NextAsync(db, batchId, ChunkSize, cancellationToken);
            if (chunk.Count == 0)
            {
                if (!await scope.ServiceProvider.GetRequiredService<BatchCompletion>().CompleteAsync(lease, batchId, cancellationToken)
                    && await lease.RenewAsync(db, batchId, cancellationToken))
                {
                    continue; // a retry put a user back meanwhile
                }

                return true;
            }

            await RunChunkAsync(chunk, cancellationToken);
            if (!await lease.RenewAsync(db, batchId, cancellationToken))
            {
                logger.LogWarning("Lost the lease of migration batch {BatchId}; another replica continues it", batchId);
                return true;
            }
        }
    }

    private async Task RunChunkAsync(List<PendingUser> chunk, CancellationToken cancellationToken)
    {
        // A scope per chunk: one context and its compiled queries serve a hundred users, each
        // with a cleared change tracker.
        await using var scope = scopes.CreateAsyncScope();
        var step = scope.ServiceProvider.GetRequiredService<UserMigrationStep>();
        step.BeforeCommit = BeforeCommit;
        step.BeforeTransaction = BeforeUserTransaction;
        foreach (var user in chunk)
        {
            if (await step.RunAsync(user, cancellationToken) is { } outcome)
            {
                metrics.UserFinished(outcome);
            }
        }
    }

    // Machine and process for whoever reads the row; the random tail tells two runners apart
    // (and is what is kept if a long machine name needs cutting to the column's 100 characters).
    private static string OwnerName()
    {
        var name = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
        return name.Length <= 100 ? name : name[^100..];
    }

    private static async Task RecordStartAsync(IServiceProvider services, AppDbContext db, Guid batchId, CancellationToken cancellationToken)
    {
        var batch = await db.MigrationBatches.AsNoTracking().SingleAsync(b => b.Id == batchId, cancellationToken);
        services.GetRequiredService<AuditLog>().Record(AuditActor.System, AuditActions.BatchStarted, null, BatchTarget.Of(batch),
            after: new { batch.StartedAt });
        await services.GetRequiredService<BatchWebhooks>().RaiseAsync(batchId, WebhookEventTypes.BatchStarted, cancellationToken: cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
