using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Api.Portal.Branding;

internal sealed class PartnerBrandingConfiguration : IEntityTypeConfiguration<PartnerBranding>
{
    public void Configure(EntityTypeBuilder<PartnerBranding> branding)
    {
        branding.HasKey(b => b.PartnerId);
        branding.HasOne(b => b.Partner).WithOne().HasForeignKey<PartnerBranding>(b => b.PartnerId).OnDelete(DeleteBehavior.Cascade);
        branding.Property(b => b.Color).HasMaxLength(7);
        branding.Property(b => b.LogoContentType).HasMaxLength(50);
        branding.Property(b => b.LogoId).HasMaxLength(64);
        branding.Property(b => b.SupportEmail).HasMaxLength(254);
        branding.Property(b => b.SupportPhone).HasMaxLength(50);
        branding.Property(b => b.SupportHours).HasMaxLength(200);
        // The public logo address is the logo's hash.
        branding.HasIndex(b => b.LogoId);
    }
}
