using Api.Shared;
using Microsoft.EntityFrameworkCore;

namespace Api.Mail;

/// <summary>Adds e-mails to the outbox; they are saved with the caller's SaveChanges, then sent.</summary>
public sealed class Outbox(DbContext db, OutboxSignal signal, TimeProvider clock)
{
    /// <param name="about">Whom the mail was sent for, so that a mail log shows it for that person only, never for everyone who shares the address.</param>
    public void Enqueue(string kind, string to, EmailContent content, MailAbout? about = null)
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
            AccountId = about?.AccountId,
            EndUserId = about?.EndUserId,
            PartnerId = about?.PartnerId,
        });
        // Wake the dispatcher once the caller has committed; it finds nothing harmful if the
        // caller rolled back instead.
        db.SavedChanges += (_, _) => signal.Notify();
    }
}

public sealed record EmailContent(string Subject, string Text, string Html);

/// <summary>
/// Whom an e-mail was sent for: an SSO account, and/or a product's own user (the portal's end user
/// row and its partner). An address typed by someone is a claim, not an identity: mail logs are
/// read by these ids, never by the recipient's address.
/// </summary>
public sealed record MailAbout(string? AccountId = null, Guid? EndUserId = null, Guid? PartnerId = null);

/// <summary>Lets a request wake the dispatcher at once instead of waiting for its next poll.</summary>
public sealed class OutboxSignal : WakeSignal;
