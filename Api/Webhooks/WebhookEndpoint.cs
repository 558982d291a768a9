using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Api.Webhooks;

/// <summary>A partner's receiver of events: where they go, which ones, and the secret they are signed with.</summary>
public sealed class WebhookEndpoint
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnerId { get; set; }
    public required string Url { get; set; }
    public string? Description { get; set; }

    /// <summary>The subscribed event types, space-separated (<see cref="WebhookEventTypes"/>).</summary>
    public required string Events { get; set; }

    /// <summary>The signing secret (<c>whsec_…</c>), protected with Data Protection: shown once, never read back by a person.</summary>
    public required string ProtectedSecret { get; set; }

    public bool Enabled { get; set; } = true;

    /// <summary>Why the endpoint stopped: null while enabled, a sentence once disabled (by a person or automatically).</summary>
    public string? DisabledReason { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Failed attempts since the last success; a success resets it.</summary>
    public int ConsecutiveFailures { get; set; }

    /// <summary>The first failed attempt since the last success: failing for <see cref="WebhookOptions.DisableAfter"/> disables the endpoint.</summary>
    public DateTime? FailingSince { get; set; }

    public bool Subscribes(string type) => type == WebhookEventTypes.Test || Events.Split(' ').Contains(type);
}

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> endpoint)
    {
        endpoint.Property(e => e.Url).HasMaxLength(2000);
        endpoint.Property(e => e.Description).HasMaxLength(200);
        endpoint.Property(e => e.Events).HasMaxLength(1000);
        endpoint.Property(e => e.ProtectedSecret).HasMaxLength(1000);
        endpoint.Property(e => e.DisabledReason).HasMaxLength(300);
        endpoint.HasIndex(e => e.PartnerId);
    }
}
