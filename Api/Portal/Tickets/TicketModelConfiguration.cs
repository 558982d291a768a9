using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Api.Portal.Tickets;

// Tickets reach clients two ways (directly and through the opener); SQL Server refuses two cascade
// paths, and end users are soft-deleted anyway, so only a ticket's own comments and files cascade.
internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> ticket)
    {
        ticket.Property(t => t.Subject).HasMaxLength(TicketRules.MaxSubjectLength);
        ticket.Property(t => t.Description).HasMaxLength(TicketRules.MaxTextLength);
        ticket.Property(t => t.Priority).HasMaxLength(20);
        ticket.Property(t => t.Status).HasMaxLength(30);
        ticket.Property(t => t.Version).IsConcurrencyToken();
        ticket.HasOne(t => t.Client).WithMany().HasForeignKey(t => t.ClientId).OnDelete(DeleteBehavior.Restrict);
        ticket.HasOne(t => t.OpenedBy).WithMany().HasForeignKey(t => t.OpenedById).OnDelete(DeleteBehavior.Restrict);
        ticket.HasOne(t => t.Device).WithMany().HasForeignKey(t => t.DeviceId).OnDelete(DeleteBehavior.Restrict);
        ticket.HasMany(t => t.Comments).WithOne(c => c.Ticket).HasForeignKey(c => c.TicketId).OnDelete(DeleteBehavior.Cascade);
        ticket.HasMany(t => t.Attachments).WithOne(a => a.Ticket).HasForeignKey(a => a.TicketId).OnDelete(DeleteBehavior.Cascade);

        // The lists: an end user's own tickets, a client's (client managers, staff), newest activity first.
        ticket.HasIndex(t => new { t.OpenedById, t.UpdatedAt });
        ticket.HasIndex(t => new { t.ClientId, t.UpdatedAt });
        ticket.HasIndex(t => t.DeviceId);
    }
}

internal sealed class TicketCommentConfiguration : IEntityTypeConfiguration<TicketComment>
{
    public void Configure(EntityTypeBuilder<TicketComment> comment)
    {
        comment.Property(c => c.AuthorStaffAccountId).HasMaxLength(64);
        comment.Property(c => c.AuthorName).HasMaxLength(200);
        comment.Property(c => c.Body).HasMaxLength(TicketRules.MaxTextLength);
        comment.HasIndex(c => new { c.TicketId, c.CreatedAt });
    }
}

internal sealed class TicketAttachmentConfiguration : IEntityTypeConfiguration<TicketAttachment>
{
    public void Configure(EntityTypeBuilder<TicketAttachment> attachment)
    {
        attachment.Property(a => a.FileName).HasMaxLength(255);
        attachment.Property(a => a.ContentType).HasMaxLength(100);
        attachment.HasIndex(a => a.TicketId);
    }
}
