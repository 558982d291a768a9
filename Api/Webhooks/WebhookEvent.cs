using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Api.Webhooks;

/// <summary>
/// Something that happened to a partner's end user or batch, written in the same transaction as
/// the change: it exists if and only if the change committed. Its id is the <c>webhook-id</c> of
/// every delivery, retry and replay of it, so receivers drop duplicates by it.
/// </summary>
public sealed class WebhookEvent
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnerId { get; set; }
    public required string Type { get; set; }

    /// <summary>The body sent, exactly: <c>{"type":…,"timestamp":…,"data":{…}}</c>; signed afresh at each attempt.</summary>
    public required string Payload { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>The <c>webhook-id</c> header: the same for every attempt and replay.</summary>
    public string MessageId => MessageIdOf(Id);

    public static string MessageIdOf(Guid id) => $"msg_{id:N}";
}

internal sealed class WebhookEventConfiguration : IEntityTypeConfiguration<WebhookEvent>
{
    public void Configure(EntityTypeBuilder<WebhookEvent> webhookEvent)
    {
        webhookEvent.Property(e => e.Type).HasMaxLength(64);
        webhookEvent.Property(e => e.Payload).HasMaxLength(8000);
        webhookEvent.HasIndex(e => new { e.PartnerId, e.CreatedAt });
    }
}
