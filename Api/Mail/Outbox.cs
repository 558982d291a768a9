using Api.Infrastructure;

namespace Api.Mail;

/// <summary>Adds e-mails to the outbox; they are saved with the caller's SaveChanges, then sent.</summary>
public sealed class Outbox(AppDbContext db, OutboxSignal signal, TimeProvider clock)
{
    public void Enqueue(string kind, string to, EmailContent content)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.Add(new OutboxMessage
        {
            Kind = kind,
            To = to,
            Subject = content.Subject,
            TextBody = content.Text,
            HtmlBody = content.Html,
            CreatedAt = now,
            NextAttemptAt = now,
        });
        // Wake the dispatcher once the caller has committed; it finds nothing harmful if the
        // caller rolled back instead.
        db.SavedChanges += (_, _) => signal.Notify();
    }
}

public sealed record EmailContent(string Subject, string Text, string Html);

/// <summary>Lets a request wake the dispatcher at once instead of waiting for its next poll.</summary>
public sealed class OutboxSignal : WakeSignal;
