using Api.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Api.Mail;

/// <summary>
/// Sends outbox messages over SMTP (<see cref="SmtpSender"/>). Each message is leased before sending, so several
/// replicas never send one twice; failures are retried with back-off and recorded.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    IOptions<MailOptions> options,
    SmtpSender sender,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        DrainLoop.RunAsync(SendNextAsync, signal, () => options.Value.PollInterval, logger, "Outbox dispatch", stoppingToken);

    /// <summary>Sends one due message; false when none is due.</summary>
    public async Task<bool> SendNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var maxAttempts = options.Value.MaxAttempts;

        var candidate = await db.Set<OutboxMessage>()
            .Where(m => m.SentAt == null && m.NextAttemptAt <= now && m.Attempts < maxAttempts && (m.LeaseUntil == null || m.LeaseUntil < now))
            .OrderBy(m => m.NextAttemptAt)
            .Select(m => m.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (candidate == Guid.Empty)
        {
            return false;
        }

        if (!await TryLeaseAsync(db, candidate, now, cancellationToken))
        {
            return true; // another replica took it (or already sent it); look for the next one
        }

        var message = await db.Set<OutboxMessage>().SingleAsync(m => m.Id == candidate, cancellationToken);
        try
        {
            await sender.SendAsync(message.MessageId(options.Value.Domain), message.To, message.Subject, message.TextBody, message.HtmlBody, cancellationToken);
            message.SentAt = clock.GetUtcNow().UtcDateTime;
            message.LastError = null;
            message.RemoveContent();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            message.Attempts++;
            message.LastError = exception.Message.Length > 1000 ? exception.Message[..1000] : exception.Message;
            message.NextAttemptAt = now + TimeSpan.FromSeconds(Math.Min(3600, 5 * Math.Pow(3, message.Attempts)));
            if (message.Attempts >= maxAttempts)
            {
                // Given up: its link will never reach anyone, so it need not stay either.
                message.RemoveContent();
            }

            logger.LogWarning(exception, "Sending {Kind} mail {Id} failed (attempt {Attempts})", message.Kind, message.Id, message.Attempts);
        }

        message.LeaseUntil = null;
        await db.SaveChangesAsync(CancellationToken.None);
        return true;
    }

    /// <summary>
    /// Takes the message for this dispatcher while it is still due: unsent, not given up, not leased
    /// by a live replica. The candidate was chosen a moment earlier, and meanwhile another replica
    /// may have leased, sent and released it; checking only the lease would send it a second time.
    /// </summary>
    public async Task<bool> TryLeaseAsync(DbContext db, Guid messageId, DateTime now, CancellationToken cancellationToken)
    {
        var maxAttempts = options.Value.MaxAttempts;
        var until = now + options.Value.Lease;
        return await db.Set<OutboxMessage>()
            .Where(m => m.Id == messageId && m.SentAt == null && m.Attempts < maxAttempts && m.NextAttemptAt <= now
                && (m.LeaseUntil == null || m.LeaseUntil < now))
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.LeaseUntil, until), cancellationToken) == 1;
    }
}
