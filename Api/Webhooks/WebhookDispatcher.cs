using Api.Shared;
using Api.Shared.Transactions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Api.Webhooks;

/// <summary>
/// Delivers due webhook deliveries, with the mail outbox's lease pattern (<c>Api.Mail.OutboxDispatcher</c>):
/// a delivery is leased by one conditional update before it is sent, so however many replicas
/// dispatch, one event is never on its way to one endpoint twice at once; at least once, because a
/// dispatcher killed mid-send leaves a lease that runs out and another sends it again, under the
/// same <c>webhook-id</c>. Failures wait <see cref="WebhookRetrySchedule"/> and count towards
/// disabling the endpoint (<see cref="WebhookEndpointHealth"/>).
/// </summary>
public sealed class WebhookDispatcher(
    IServiceScopeFactory scopes,
    WebhookSignal signal,
    IOptions<WebhookOptions> options,
    WebhookSender sender,
    WebhookSecrets secrets,
    TimeProvider clock,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value.Dispatch
            ? Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.Value.Workers)).Select(_ =>
                DrainLoop.RunAsync(DeliverNextAsync, signal, () => options.Value.PollInterval, logger, "Webhook dispatch", stoppingToken)))
            : Task.CompletedTask;

    /// <summary>Makes one attempt at one due delivery; false when none is due.</summary>
    public async Task<bool> DeliverNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var candidate = await Due(db, now).OrderBy(d => d.NextAttemptAt).Select(d => d.Id).FirstOrDefaultAsync(cancellationToken);
        if (candidate == Guid.Empty)
        {
            return false;
        }

        if (!await TryLeaseAsync(db, candidate, now, cancellationToken))
        {
            return true; // another dispatcher took it (or already delivered it); look for the next one
        }

        // There may be more: wake an idle worker to look while this one sends.
        signal.Notify();
        var delivery = await db.Set<WebhookDelivery>().Include(d => d.Event).Include(d => d.Endpoint).SingleAsync(d => d.Id == candidate, cancellationToken);
        var endpoint = delivery.Endpoint!;
        var outcome = await sender.SendAsync(endpoint.Url, delivery.Event!.MessageId, delivery.Event.Payload, secrets.Unprotect(endpoint.ProtectedSecret), cancellationToken);
        await RecordAsync(scope.ServiceProvider, db, delivery, now, outcome);
        return true;
    }

    /// <summary>
    /// Takes the delivery for this dispatcher while it is still due: pending, not leased by a live
    /// dispatcher, its endpoint enabled. The candidate was chosen a moment earlier, and meanwhile
    /// another dispatcher may have leased, delivered and released it; checking only the lease
    /// would send it a second time.
    /// </summary>
    public async Task<bool> TryLeaseAsync(DbContext db, Guid deliveryId, DateTime now, CancellationToken cancellationToken)
    {
        var until = now + options.Value.Lease;
        return await Due(db, now).Where(d => d.Id == deliveryId)
            .ExecuteUpdateAsync(set => set.SetProperty(d => d.LeaseUntil, until), cancellationToken) == 1;
    }

    private static IQueryable<WebhookDelivery> Due(DbContext db, DateTime now) =>
        db.Set<WebhookDelivery>().Where(d => d.DeliveredAt == null && d.FailedAt == null && d.NextAttemptAt <= now
            && (d.LeaseUntil == null || d.LeaseUntil < now) && d.Endpoint!.Enabled);

    /// <summary>The attempt, the delivery's next state and the endpoint's health, in one transaction, then the lease is let go.</summary>
    private async Task RecordAsync(IServiceProvider services, DbContext db, WebhookDelivery delivery, DateTime startedAt, WebhookAttemptOutcome outcome)
    {
        var health = services.GetRequiredService<WebhookEndpointHealth>();
        var after = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await SharedTransaction.BeginAsync(db, CancellationToken.None);
        db.Add(new WebhookAttempt
        {
            DeliveryId = delivery.Id,
            EndpointId = delivery.EndpointId,
            At = startedAt,
            Succeeded = outcome.Succeeded,
            ResponseCode = outcome.ResponseCode,
            LatencyMs = outcome.LatencyMs,
            Error = outcome.Error is { Length: > 300 } tooLong ? tooLong[..300] : outcome.Error,
        });
        delivery.Attempts++;
        if (outcome.Succeeded)
        {
            delivery.DeliveredAt = after;
            await health.SucceededAsync(delivery.EndpointId, CancellationToken.None);
        }
        else
        {
            if (WebhookRetrySchedule.NextAttempt(options.Value.RetryDelays, delivery.Attempts, after) is { } next)
            {
                delivery.NextAttemptAt = next;
            }
            else
            {
                delivery.FailedAt = after;
            }

            await health.FailedAsync(delivery.EndpointId, after, gaveUp: delivery.FailedAt is not null, CancellationToken.None);
            logger.LogInformation("Webhook delivery {Id} failed (attempt {Attempts}): {Error}", delivery.Id, delivery.Attempts, outcome.Error);
        }

        delivery.LeaseUntil = null;
        await db.SaveChangesAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
    }
}
