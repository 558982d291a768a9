using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Api.SsoMigration.Reminders;

internal sealed class MigrationReminderConfiguration : IEntityTypeConfiguration<MigrationReminder>
{
    public void Configure(EntityTypeBuilder<MigrationReminder> reminder)
    {
        reminder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        reminder.Property(r => r.Step).HasConversion<string>().HasMaxLength(20);
        reminder.Property(r => r.Occasion).HasMaxLength(50);
        reminder.Property(r => r.SentBy).HasMaxLength(200);
        // What makes each reminder once: a second writer fails here and rolls back its e-mail.
        reminder.HasIndex(r => new { r.EndUserId, r.Kind, r.Occasion }).IsUnique();
        reminder.HasOne<Portal.EndUser>().WithMany().HasForeignKey(r => r.EndUserId).OnDelete(DeleteBehavior.Restrict);
    }
}
