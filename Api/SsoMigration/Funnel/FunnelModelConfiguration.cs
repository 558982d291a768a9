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

internal sealed class FunnelTallyConfiguration : IEntityTypeConfiguration<FunnelTally>
{
    public void Configure(EntityTypeBuilder<FunnelTally> tally)
    {
        tally.HasKey(t => new { t.BatchId, t.ClientId, t.Furthest });
        // A partner's funnels: its clients' rows of a few batches.
        tally.HasIndex(t => t.ClientId);
        tally.HasOne<MigrationBatch>().WithMany().HasForeignKey(t => t.BatchId).OnDelete(DeleteBehavior.Cascade);
        tally.HasOne<Portal.Client>().WithMany().HasForeignKey(t => t.ClientId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FunnelDayTallyConfiguration : IEntityTypeConfiguration<FunnelDayTally>
{
    public void Configure(EntityTypeBuilder<FunnelDayTally> tally)
    {
        tally.HasKey(t => new { t.BatchId, t.ClientId, t.Step, t.Day });
        tally.HasIndex(t => t.ClientId);
        tally.HasOne<MigrationBatch>().WithMany().HasForeignKey(t => t.BatchId).OnDelete(DeleteBehavior.Cascade);
        tally.HasOne<Portal.Client>().WithMany().HasForeignKey(t => t.ClientId).OnDelete(DeleteBehavior.Restrict);
    }
}
