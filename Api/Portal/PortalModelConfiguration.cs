using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Api.Portal;

internal sealed class PartnerConfiguration : IEntityTypeConfiguration<Partner>
{
    public void Configure(EntityTypeBuilder<Partner> partner)
    {
        partner.Property(p => p.Name).HasMaxLength(200);
        partner.HasMany(p => p.Clients).WithOne(c => c.Partner).HasForeignKey(c => c.PartnerId);
    }
}

internal sealed class ClientConfiguration : IEntityTypeConfiguration<Client>
{
    public void Configure(EntityTypeBuilder<Client> client)
    {
        client.Property(c => c.Name).HasMaxLength(200);
        // Manage Users sorted by client walks a partner's clients by name, then each one's users by name.
        client.HasIndex(c => new { c.PartnerId, c.Name, c.Id });
        client.HasMany(c => c.EndUsers).WithOne(u => u.Client).HasForeignKey(u => u.ClientId);
    }
}

internal sealed class EndUserConfiguration : IEntityTypeConfiguration<EndUser>
{
    public void Configure(EntityTypeBuilder<EndUser> user)
    {
        user.Property(u => u.Email).HasMaxLength(254);
        // E-mails are stored normalised (trimmed, lower case) so this index makes them unique.
        user.HasIndex(u => u.Email).IsUnique();
        user.Property(u => u.DisplayName).HasMaxLength(200);
        user.Property(u => u.Role).HasMaxLength(50);
        user.Property(u => u.LegacyPasswordHash).HasMaxLength(200);
        user.Property(u => u.SsoAccountId).HasMaxLength(64);
        user.HasIndex(u => u.SsoAccountId);
        user.Property(u => u.PendingAccountId).HasMaxLength(64);
        user.HasIndex(u => u.PendingAccountId);
        user.Ignore(u => u.AwaitsAccountOwner);
        // Manage Users lists a partner's users (or one client's) sorted by any column with name and
        // id breaking ties, page by page: one index per sort, in that order, so SQL walks the index
        // and stops at the page instead of sorting every user of the partner. Deleted is not a key
        // column: "NOT Deleted" is no equality an index can seek on, and deleted users are few.
        user.HasIndex(u => new { u.ClientId, u.DisplayName, u.Id });
        user.HasIndex(u => new { u.PartnerId, u.DisplayName, u.Id });
        user.HasIndex(u => new { u.PartnerId, u.Email, u.DisplayName, u.Id });
        user.HasIndex(u => new { u.PartnerId, u.Role, u.DisplayName, u.Id });
        user.HasIndex(u => new { u.PartnerId, u.Enabled, u.DisplayName, u.Id });
        user.HasIndex(u => new { u.PartnerId, u.MigratedAt, u.DisplayName, u.Id });
        // The list's capped total counts up to 10,001 users: this index holds every column that the
        // scope and the status and migrated filters read, so the count walks index entries only
        // instead of looking each user's row up in the table (the whole cost of a page at 50,000+).
        user.HasIndex(u => new { u.PartnerId, u.Deleted, u.Enabled, u.MigratedToSso });
        // Needs attention seeks the few rows with an address problem or a declined request per
        // partner (IS NOT NULL is a range these indexes serve), never the partner's other users.
        user.Property(u => u.SsoEmailMismatch).HasMaxLength(254);
        user.HasIndex(u => new { u.PartnerId, u.SsoEmailMismatch });
        user.HasIndex(u => new { u.PartnerId, u.AccessDeclinedAt });
        // SCIM clients find a user by the id they gave it (filter externalId eq "…"), per partner.
        // Not unique: a deleted row keeps its id, and a new row may take it again. Email last: the
        // list is in userName order, so the seek needs no sort and is preferred to walking all users.
        user.Property(u => u.ExternalId).HasMaxLength(200);
        user.HasIndex(u => new { u.PartnerId, u.ExternalId, u.Email });
    }
}

internal sealed class PartnerStaffConfiguration : IEntityTypeConfiguration<PartnerStaff>
{
    public void Configure(EntityTypeBuilder<PartnerStaff> staff)
    {
        staff.Property(s => s.SsoAccountId).HasMaxLength(64);
        staff.Property(s => s.Role).HasMaxLength(50);
        staff.HasIndex(s => new { s.PartnerId, s.SsoAccountId }).IsUnique();
        // Every admin request finds its caller's staff row by account.
        staff.HasIndex(s => s.SsoAccountId);
    }
}
