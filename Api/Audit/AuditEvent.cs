using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Api.Audit;

/// <summary>
/// One administrative action, appended in the same transaction as the change it records, so the
/// log never shows a change that did not happen nor misses one that did. Never updated.
/// </summary>
public sealed class AuditEvent
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public DateTime At { get; set; }

    /// <summary>The partner whose data changed (partner staff see only their partner's events); null for platform-wide actions.</summary>
    public Guid? PartnerId { get; set; }

    /// <summary>The SSO account of whoever acted, or "system" for scheduled work.</summary>
    public required string ActorId { get; set; }
    public required string ActorName { get; set; }

    /// <summary>A stable, dotted name such as <c>end-user.disabled</c> (see <see cref="AuditActions"/>).</summary>
    public required string Action { get; set; }
    public required string TargetType { get; set; }
    public string? TargetId { get; set; }
    public string? TargetName { get; set; }

    /// <summary>JSON of the changed fields before and after an edit; null when nothing was edited.</summary>
    public string? Before { get; set; }
    public string? After { get; set; }
    public string? ClientIp { get; set; }
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> audit)
    {
        audit.Property(a => a.ActorId).HasMaxLength(64);
        audit.Property(a => a.ActorName).HasMaxLength(200);
        audit.Property(a => a.Action).HasMaxLength(64);
        audit.Property(a => a.TargetType).HasMaxLength(64);
        audit.Property(a => a.TargetId).HasMaxLength(64);
        audit.Property(a => a.TargetName).HasMaxLength(300);
        audit.Property(a => a.Before).HasMaxLength(4000);
        audit.Property(a => a.After).HasMaxLength(4000);
        audit.Property(a => a.ClientIp).HasMaxLength(64);
        // The Audit page lists a partner's events newest first, or one target's history.
        audit.HasIndex(a => new { a.PartnerId, a.At });
        audit.HasIndex(a => new { a.TargetId, a.At });
    }
}
