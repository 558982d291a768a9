using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Api.SsoMigration.Batches;

internal sealed class MigrationBatchConfiguration : IEntityTypeConfiguration<MigrationBatch>
{
    public void Configure(EntityTypeBuilder<MigrationBatch> batch)
    {
        batch.Property(b => b.Name).HasMaxLength(200);
        batch.Property(b => b.TimeZone).HasMaxLength(64);
        batch.Property(b => b.Status).HasConversion<string>().HasMaxLength(20);
        batch.Property(b => b.CreatedBy).HasMaxLength(200);
        batch.Property(b => b.LeaseOwner).HasMaxLength(100);
        batch.HasMany(b => b.Clients).WithOne().HasForeignKey(c => c.BatchId).OnDelete(DeleteBehavior.Cascade);
        // The scheduler looks for due batches; the notices for batches within the notice lead.
        batch.HasIndex(b => new { b.Status, b.ScheduledAt });
    }
}

internal sealed class MigrationBatchClientConfiguration : IEntityTypeConfiguration<MigrationBatchClient>
{
    public void Configure(EntityTypeBuilder<MigrationBatchClient> client)
    {
        client.HasKey(c => new { c.BatchId, c.ClientId });
        client.HasIndex(c => c.ClientId);
        client.HasOne<Portal.Client>().WithMany().HasForeignKey(c => c.ClientId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MigrationResultConfiguration : IEntityTypeConfiguration<MigrationResult>
{
    public void Configure(EntityTypeBuilder<MigrationResult> result)
    {
        result.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        result.Property(r => r.Reason).HasMaxLength(500);
        result.Property(r => r.LegacyPasswordHashBefore).HasMaxLength(200);
        // One result per user and batch: starting a run twice cannot queue a user twice.
        result.HasIndex(r => new { r.BatchId, r.EndUserId }).IsUnique();
        result.HasIndex(r => new { r.BatchId, r.Status });
        result.HasOne<MigrationBatch>().WithMany().HasForeignKey(r => r.BatchId).OnDelete(DeleteBehavior.Cascade);
        result.HasOne<Portal.EndUser>().WithMany().HasForeignKey(r => r.EndUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MigrationNoticeConfiguration : IEntityTypeConfiguration<MigrationNotice>
{
    public void Configure(EntityTypeBuilder<MigrationNotice> notice)
    {
        notice.Property(n => n.Kind).HasConversion<string>().HasMaxLength(20);
        notice.HasIndex(n => new { n.BatchId, n.PartnerId, n.Kind, n.ScheduledFor }).IsUnique();
        notice.HasOne<MigrationBatch>().WithMany().HasForeignKey(n => n.BatchId).OnDelete(DeleteBehavior.Cascade);
    }
}
