using Api.SsoMigration.Batches;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Api.SsoMigration.Funnel;

internal sealed class FunnelMilestoneConfiguration : IEntityTypeConfiguration<FunnelMilestone>
{
    public void Configure(EntityTypeBuilder<FunnelMilestone> milestone)
    {
        milestone.Property(m => m.SessionId).HasMaxLength(64);
        // Recorded once: of fifty parallel reports of one step, one insert wins and the rest fail on this index.
        milestone.HasIndex(m => new { m.EndUserId, m.BatchId, m.Step }).IsUnique();
        // The chart: one batch's steps over time.
        milestone.HasIndex(m => new { m.BatchId, m.Step, m.ReachedAt });
        milestone.HasOne<MigrationBatch>().WithMany().HasForeignKey(m => m.BatchId).OnDelete(DeleteBehavior.Cascade);
        milestone.HasOne<Portal.EndUser>().WithMany().HasForeignKey(m => m.EndUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
