using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Api.Sso.Accounts;

/// <summary>
/// Identity's passkey rows (name, created, sign count, backup state live in its JSON data) plus the
/// one fact Identity does not keep: when the passkey last signed in, for the owner's list.
/// </summary>
internal sealed class PasskeyModelConfiguration : IEntityTypeConfiguration<IdentityUserPasskey<string>>
{
    public const string LastUsedAt = "LastUsedAt";

    public void Configure(EntityTypeBuilder<IdentityUserPasskey<string>> passkey) =>
        passkey.Property<DateTime?>(LastUsedAt);
}
