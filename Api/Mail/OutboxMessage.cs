using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Api.Mail;

/// <summary>
/// An e-mail waiting to be sent, written in the same transaction as the change that caused it,
/// so a crash loses no message; its delivery status is visible to partner admins.
/// </summary>
public sealed class OutboxMessage
{
    /// <summary>What a message's body says once its content is gone.</summary>
    public const string ContentRemoved = "Content removed after delivery.";

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Kind { get; set; }
    public required string To { get; set; }
    public required string Subject { get; set; }
    public required string TextBody { get; set; }
    public required string HtmlBody { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? LeaseUntil { get; set; }
    public int Attempts { get; set; }
    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>The SSO account the mail was sent for (its own notices, activation, reset), if any.</summary>
    public string? AccountId { get; set; }

    /// <summary>The portal end user row the mail was sent for, if any: Manage Users shows a row's mail by this id.</summary>
    public Guid? EndUserId { get; set; }

    /// <summary>The partner on whose behalf the mail was sent, if any.</summary>
    public Guid? PartnerId { get; set; }

    /// <summary>
    /// The mail's Message-ID: the row's own id, so every attempt sends the same message. A replica
    /// killed after the server accepted the mail but before it recorded SentAt sends it again once
    /// its lease runs out; the receiver (and anyone counting) sees one message twice, not two.
    /// </summary>
    public string MessageId(string domain) => MessageIdOf(Id, domain);

    /// <summary>The Message-ID the row with this id is sent with (for whoever matches mails to rows).</summary>
    public static string MessageIdOf(Guid id, string domain) => $"{id:N}@{domain}";

    /// <summary>
    /// Drops the body once it is of no more use: it holds activation and reset links, which must
    /// exist only in the recipient's mailbox, not in every database backup. What partner admins
    /// look at (recipient, kind, subject, delivery status) stays.
    /// </summary>
    public void RemoveContent()
    {
        TextBody = ContentRemoved;
        HtmlBody = ContentRemoved;
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> message)
    {
        message.Property(m => m.Kind).HasMaxLength(50);
        message.Property(m => m.To).HasMaxLength(254);
        message.Property(m => m.Subject).HasMaxLength(300);
        message.Property(m => m.LastError).HasMaxLength(1000);
        message.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
        message.Property(m => m.AccountId).HasMaxLength(450);
        message.HasIndex(m => new { m.To, m.CreatedAt });
        // Manage Users shows each end user's last e-mails: by the row (or the account it manages) they were sent for, newest first.
        message.HasIndex(m => new { m.EndUserId, m.CreatedAt });
        message.HasIndex(m => new { m.AccountId, m.CreatedAt });
    }
}
