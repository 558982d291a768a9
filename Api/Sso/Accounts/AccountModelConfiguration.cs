using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Api.Sso.Accounts;

internal sealed class SsoAccountConfiguration : IEntityTypeConfiguration<SsoAccount>
{
    public void Configure(EntityTypeBuilder<SsoAccount> account)
    {
        account.ToTable("SsoAccounts");
        account.Property(a => a.DisplayName).HasMaxLength(200);
        account.Property(a => a.ProtectedTotpSecret).HasMaxLength(1000);
        account.Property(a => a.ManagedBy).HasMaxLength(100);
        account.HasMany(a => a.RecoveryCodes).WithOne().HasForeignKey(c => c.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RecoveryCodeConfiguration : IEntityTypeConfiguration<RecoveryCode>
{
    public void Configure(EntityTypeBuilder<RecoveryCode> code)
    {
        code.Property(c => c.CodeHash).HasMaxLength(64);
        code.HasIndex(c => new { c.AccountId, c.CodeHash });
    }
}
