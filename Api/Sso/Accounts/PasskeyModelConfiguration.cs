using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Api.Sso.Accounts;

/// <summary>
/// Identity's passkey rows as its schema 3 shapes them (name, created, sign count and backup state
/// in a JSON column), plus the one fact Identity does not keep: when the passkey last signed in.
/// Configured here, not left to Identity: Identity picks its schema version from the application's
/// services, which a context made without them (design time, tools, tests) lacks, and then leaves
/// passkeys out; this way every context has one model.
/// </summary>
internal sealed class PasskeyModelConfiguration : IEntityTypeConfiguration<IdentityUserPasskey<string>>
{
    public const string LastUsedAt = "LastUsedAt";

    public void Configure(EntityTypeBuilder<IdentityUserPasskey<string>> passkey)
    {
        passkey.ToTable("AspNetUserPasskeys");
        passkey.HasKey(p => p.CredentialId);
        // WebAuthn: a credential id is at most 1023 bytes.
        passkey.Property(p => p.CredentialId).HasMaxLength(1024);
        passkey.OwnsOne(p => p.Data).ToJson();
        passkey.HasOne<SsoAccount>().WithMany().HasForeignKey(p => p.UserId).IsRequired();
        passkey.Property<DateTime?>(LastUsedAt);
    }
}
