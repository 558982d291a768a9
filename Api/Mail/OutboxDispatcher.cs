using Api.Infrastructure;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Api.Mail;

/// <summary>
/// Sends outbox messages over SMTP (MailKit). Each message is leased before sending, so several
/// replicas never send one twice; failures are retried with back-off and recorded.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    IOptions<MailOptions> options,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SendNextAsync(stoppingToken))
                {
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be down for a moment; the messages wait safely in it.
                logger.LogWarning(exception, "Outbox dispatch failed; will retry");
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

    /// <summary>Sends one due message; false when none is due.</summary>
    public async Task<bool> SendNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
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

        var leased = await db.Set<OutboxMessage>()
            .Where(m => m.Id == candidate && (m.LeaseUntil == null || m.LeaseUntil < now))
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.LeaseUntil, now + Lease), cancellationToken);
        if (leased == 0)
        {
            return true; // another replica took it; look for the next one
        }

        var message = await db.Set<OutboxMessage>().SingleAsync(m => m.Id == candidate, cancellationToken);
        try
        {
            await SendAsync(message, cancellationToken);
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

    private async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var server = new Uri(configuration.GetConnectionString("mail")
            ?? throw new InvalidOperationException("No connection string 'mail' (smtp://host:port)."));
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody(),
        };
        mime.From.Add(new MailboxAddress(options.Value.FromName, options.Value.FromAddress));
        mime.To.Add(MailboxAddress.Parse(message.To));

        using var smtp = new SmtpClient();
        smtp.Timeout = 15_000;
        var security = server.Scheme == "smtps" ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable;
        await smtp.ConnectAsync(server.Host, server.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(server.UserInfo))
        {
            var credentials = server.UserInfo.Split(':', 2);
            await smtp.AuthenticateAsync(Uri.UnescapeDataString(credentials[0]), Uri.UnescapeDataString(credentials.ElementAtOrDefault(1) ?? ""), cancellationToken);
        }

        await smtp.SendAsync(mime, cancellationToken);
        await smtp.DisconnectAsync(quit: true, cancellationToken);
    }
}
