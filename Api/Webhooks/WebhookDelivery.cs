using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Api.Webhooks;

/// <summary>
/// One event on its way to one endpoint: one row per (event, endpoint), leased by one dispatcher at
/// a time (so one event never goes to one endpoint twice at once), retried with back-off until
/// delivered or failed; Replay puts it back in the queue.
/// </summary>
public sealed class WebhookDelivery
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EventId { get; set; }
    public WebhookEvent? Event { get; set; }
    public Guid EndpointId { get; set; }
    public WebhookEndpoint? Endpoint { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? LeaseUntil { get; set; }

    /// <summary>Attempts since it was queued (or replayed); the retry schedule counts these.</summary>
    public int Attempts { get; set; }
    public DateTime? DeliveredAt { get; set; }

    /// <summary>Set when the retries ran out: no more attempts unless replayed.</summary>
    public DateTime? FailedAt { get; set; }

    public bool Pending => DeliveredAt is null && FailedAt is null;
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> delivery)
    {
        delivery.HasOne(d => d.Event).WithMany().HasForeignKey(d => d.EventId).OnDelete(DeleteBehavior.Cascade);
        delivery.HasOne(d => d.Endpoint).WithMany().HasForeignKey(d => d.EndpointId).OnDelete(DeleteBehavior.Cascade);
        delivery.HasIndex(d => new { d.EventId, d.EndpointId }).IsUnique();
        // The dispatcher's question: what is due now.
        delivery.HasIndex(d => new { d.DeliveredAt, d.FailedAt, d.NextAttemptAt });
    }
}
