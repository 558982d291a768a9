using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Api.Webhooks;

/// <summary>One try at a delivery, as the endpoint's delivery log shows it.</summary>
public sealed class WebhookAttempt
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid DeliveryId { get; set; }
    public Guid EndpointId { get; set; }
    public DateTime At { get; set; }
    public bool Succeeded { get; set; }

    /// <summary>The receiver's HTTP status; null when none came (refused address, timeout, no connection).</summary>
    public int? ResponseCode { get; set; }
    public int LatencyMs { get; set; }

    /// <summary>A short sentence for a failure; null for a success.</summary>
    public string? Error { get; set; }
}

internal sealed class WebhookAttemptConfiguration : IEntityTypeConfiguration<WebhookAttempt>
{
    public void Configure(EntityTypeBuilder<WebhookAttempt> attempt)
    {
        attempt.HasOne<WebhookDelivery>().WithMany().HasForeignKey(a => a.DeliveryId).OnDelete(DeleteBehavior.Cascade);
        attempt.Property(a => a.Error).HasMaxLength(300);
        // The delivery log: one endpoint's attempts, newest first.
        attempt.HasIndex(a => new { a.EndpointId, a.At });
    }
}
